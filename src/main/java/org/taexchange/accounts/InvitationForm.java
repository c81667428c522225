package org.taexchange.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An admin invites a coordinator or an admin. */
class InvitationForm {

	@NotBlank
	@Size(max = 120)
	private String fullName;

	@NotBlank
	@Size(max = EmailAddress.MAX_LENGTH)
	private String email;

	@NotNull
	private Role role;

	@NotBlank
	@Size(max = 5)
	private String language = "en";

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

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}
}
