package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A one-time link to set a password: a reset the person asked for, or an admin's invitation to a
 * new staff account. Using one uses every other link of the account too.
 */
@Entity
@Table(name = "password_token")
class PasswordToken extends OneTimeLink {

	/** Why the link was sent; the page and the mail say it. */
	enum Purpose {

		/** "Forgot your password?" */
		RESET,

		/** An admin created a staff account; the invitee chooses its password. */
		INVITATION
	}

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	protected PasswordToken() {
	}

	private PasswordToken(OneTimeToken token, long accountId, Purpose purpose, Duration validity, Clock clock) {
		super(token.hash(), accountId, clock.instant().plus(validity));
		this.purpose = purpose;
	}

	/** A new link for an account; the token itself goes into the mail and is never stored. */
	static Issued issue(long accountId, Purpose purpose, Duration validity, Clock clock) {
		OneTimeToken token = OneTimeToken.generate();
		return new Issued(token.value(), new PasswordToken(token, accountId, purpose, validity, clock));
	}

	Purpose getPurpose() {
		return this.purpose;
	}

	record Issued(String token, PasswordToken passwordToken) {
	}
}
