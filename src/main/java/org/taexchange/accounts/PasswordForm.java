package org.taexchange.accounts;

import org.springframework.validation.Errors;

/**
 * A new password typed twice: on the reset and invitation page (with the link's token) and on
 * {@code /account} (with the current password). Never shown back.
 */
class PasswordForm {

	private String token;

	private String currentPassword;

	private String password;

	private String passwordConfirmation;

	/** Checks the new password against the policy for this person, and that both copies agree. */
	void validate(PasswordPolicy.Person person, Errors errors) {
		PasswordPolicy.check(this.password, this.passwordConfirmation, person, errors);
	}

	/** Nothing typed goes back to the browser. */
	void forget() {
		this.currentPassword = null;
		this.password = null;
		this.passwordConfirmation = null;
	}

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
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
}
