package org.taexchange.participants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An organisation as an admin adds or edits it. */
class OrganisationForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@Size(max = 40)
	private String shortName;

	@NotNull
	private OrganisationType type;

	private boolean observer;

	@Size(max = 2)
	private String participantCode;

	private Long version;

	static OrganisationForm of(Organisation organisation) {
		OrganisationForm form = new OrganisationForm();
		form.name = organisation.getName();
		form.shortName = organisation.getShortName();
		form.type = organisation.getType();
		form.observer = organisation.isObserver();
		form.participantCode = organisation.getParticipantCode();
		form.version = organisation.getVersion();
		return form;
	}

	OrganisationDetails details() {
		return new OrganisationDetails(this.name.strip(),
				this.shortName == null || this.shortName.isBlank() ? null : this.shortName.strip(), this.type,
				this.observer,
				this.participantCode == null || this.participantCode.isBlank() ? null : this.participantCode);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getShortName() {
		return this.shortName;
	}

	public void setShortName(String shortName) {
		this.shortName = shortName;
	}

	public OrganisationType getType() {
		return this.type;
	}

	public void setType(OrganisationType type) {
		this.type = type;
	}

	public boolean isObserver() {
		return this.observer;
	}

	public void setObserver(boolean observer) {
		this.observer = observer;
	}

	public String getParticipantCode() {
		return this.participantCode;
	}

	public void setParticipantCode(String participantCode) {
		this.participantCode = participantCode;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
