package org.taexchange.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.taexchange.participants.OrganisationType;

/** What a person types to register. Checks that span fields are made by {@link Registration}. */
class RegistrationForm {

	/** Requester or provider. */
	@NotNull
	private Role accountType;

	@NotBlank
	@Size(max = 120)
	private String fullName;

	@NotBlank
	@Size(max = EmailAddress.MAX_LENGTH)
	private String email;

	private String password;

	private String passwordConfirmation;

	@NotBlank
	@Size(max = 5)
	private String language = "en";

	@Size(max = 120)
	private String position;

	// requesters
	@Size(max = 2)
	private String participantCode;

	@Size(max = 200)
	private String authority;

	// providers: an organisation from the list, or a new one for a coordinator to vet
	private Long organisationId;

	@Size(max = 200)
	private String newOrganisationName;

	private OrganisationType newOrganisationType;

	public Role getAccountType() {
		return this.accountType;
	}

	public void setAccountType(Role accountType) {
		this.accountType = accountType;
	}

	public String getFullName() {
		return this.fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getPasswordConfirmation() {
		return this.passwordConfirmation;
	}

	public void setPasswordConfirmation(String passwordConfirmation) {
		this.passwordConfirmation = passwordConfirmation;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getPosition() {
		return this.position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public String getParticipantCode() {
		return this.participantCode;
	}

	public void setParticipantCode(String participantCode) {
		this.participantCode = participantCode;
	}

	public String getAuthority() {
		return this.authority;
	}

	public void setAuthority(String authority) {
		this.authority = authority;
	}

	public Long getOrganisationId() {
		return this.organisationId;
	}

	public void setOrganisationId(Long organisationId) {
		this.organisationId = organisationId;
	}

	public String getNewOrganisationName() {
		return this.newOrganisationName;
	}

	public void setNewOrganisationName(String newOrganisationName) {
		this.newOrganisationName = newOrganisationName;
	}

	public OrganisationType getNewOrganisationType() {
		return this.newOrganisationType;
	}

	public void setNewOrganisationType(OrganisationType newOrganisationType) {
		this.newOrganisationType = newOrganisationType;
	}
}
