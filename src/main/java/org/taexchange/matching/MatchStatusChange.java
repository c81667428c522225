package org.taexchange.matching;

import java.time.Instant;

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

/** One entry of a match's timeline. */
@Entity
@Table(name = "request_match_status_change")
class MatchStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "match_id")
	private Match match;

	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	private MatchStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private MatchStatus toStatus;

	private String reason;

	protected MatchStatusChange() {
	}

	MatchStatusChange(Match match, Instant occurredAt, String actor, MatchStatus from, MatchStatus to, String reason) {
		this.match = match;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.fromStatus = from;
		this.toStatus = to;
		this.reason = reason;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public MatchStatus getFromStatus() {
		return this.fromStatus;
	}

	public MatchStatus getToStatus() {
		return this.toStatus;
	}

	public String getReason() {
		return this.reason;
	}
}
