package org.taexchange.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An admin moves an official to another participant or a provider to another organisation: the
 * version they saw, where to, and why.
 */
class ReassignForm {

	@NotNull
	private Long version;

	private String participantCode;

	private Long organisationId;

	@NotBlank
	@Size(max = 1000)
	private String reason;

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public String getParticipantCode() {
		return this.participantCode;
	}

	public void setParticipantCode(String participantCode) {
		this.participantCode = participantCode;
	}

	public Long getOrganisationId() {
		return this.organisationId;
	}

	public void setOrganisationId(Long organisationId) {
		this.organisationId = organisationId;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
