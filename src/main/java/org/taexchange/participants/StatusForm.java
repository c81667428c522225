package org.taexchange.participants;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A membership status from a date on, as an admin records it. */
class StatusForm {

	@NotNull
	private MembershipStatus status;

	@NotNull
	private LocalDate effectiveDate;

	@Size(max = 500)
	private String note;

	@NotNull
	private Long version;

	public MembershipStatus getStatus() {
		return this.status;
	}

	public void setStatus(MembershipStatus status) {
		this.status = status;
	}

	public LocalDate getEffectiveDate() {
		return this.effectiveDate;
	}

	public void setEffectiveDate(LocalDate effectiveDate) {
		this.effectiveDate = effectiveDate;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
