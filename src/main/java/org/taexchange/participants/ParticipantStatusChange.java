package org.taexchange.participants;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One dated entry of a participant's membership history. */
@Entity
@Table(name = "participant_status")
class ParticipantStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "participant_code")
	private Participant participant;

	@Enumerated(EnumType.STRING)
	private MembershipStatus status;

	private LocalDate effectiveDate;

	private String note;

	private Instant recordedAt;

	private String recordedBy;

	protected ParticipantStatusChange() {
	}

	ParticipantStatusChange(Participant participant, MembershipStatus status, LocalDate effectiveDate, String note,
			Instant recordedAt, String recordedBy) {
		this.participant = participant;
		this.status = status;
		this.effectiveDate = effectiveDate;
		this.note = note;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
	}

	public MembershipStatus getStatus() {
		return this.status;
	}

	public LocalDate getEffectiveDate() {
		return this.effectiveDate;
	}

	public String getNote() {
		return this.note;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public String getRecordedBy() {
		return this.recordedBy;
	}
}
