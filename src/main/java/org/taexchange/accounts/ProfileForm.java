package org.taexchange.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Name, position and language on {@code /account}, with the version of the account shown. */
class ProfileForm {

	@NotBlank
	@Size(max = 120)
	private String fullName;

	@Size(max = 120)
	private String position;

	@NotBlank
	@Size(max = 5)
	private String language;

	@NotNull
	private Long version;

	static ProfileForm of(Account account) {
		ProfileForm form = new ProfileForm();
		form.fullName = account.getFullName();
		form.position = account.getPosition();
		form.language = account.getLanguage();
		form.version = account.getVersion();
		return form;
	}

	public String getFullName() {
		return this.fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getPosition() {
		return this.position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
