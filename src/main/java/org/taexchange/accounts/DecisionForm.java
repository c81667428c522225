package org.taexchange.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.taexchange.audit.DecisionMade;

/** A coordinator's decision on an account: the version they saw, and a reason when they turn it down. */
class DecisionForm {

	@NotNull
	private Long version;

	@NotBlank(groups = Rejection.class)
	@Size(max = DecisionMade.REASON_LENGTH)
	private String reason;

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	/** Validation group of a rejection, which needs a reason. */
	interface Rejection {
	}
}
