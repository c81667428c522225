package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A one-time link that proves a person reads the mailbox they registered with. */
@Entity
@Table(name = "email_verification")
class EmailVerification extends OneTimeLink {

	protected EmailVerification() {
	}

	private EmailVerification(OneTimeToken token, Long accountId, Duration validity, Clock clock) {
		super(token.hash(), accountId, clock.instant().plus(validity));
	}

	/** A new link for an account; the token itself goes into the mail and is never stored. */
	static Issued issue(long accountId, Duration validity, Clock clock) {
		OneTimeToken token = OneTimeToken.generate();
		return new Issued(token.value(), new EmailVerification(token, accountId, validity, clock));
	}

	static String hash(String token) {
		return OneTimeToken.hash(token);
	}

	record Issued(String token, EmailVerification verification) {
	}
}
