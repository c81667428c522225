package org.taexchange.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Forgot your password?": the address to send the link to. */
class EmailForm {

	@NotBlank
	@Size(max = EmailAddress.MAX_LENGTH)
	private String email;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}
}
