package org.taexchange.accounts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person, in their language, that their account was locked after too many wrong passwords
 * or codes, until when, and to choose a new password if it was not them. The mail goes through the
 * outbox once the lock is committed; one mail per lockout, not per wrong attempt.
 */
@Component
class LockoutMail {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Accounts accounts;

	private final AccountMail mail;

	LockoutMail(Accounts accounts, AccountMail mail) {
		this.accounts = accounts;
		this.mail = mail;
	}

	@EventListener
	void on(AccountLocked locked) {
		this.accounts.findByEmail(locked.email())
			.ifPresent(account -> this.mail.sendAfterCommit(account, "locked", account.getFullName(),
					TIME.format(locked.until()), locked.failures(), this.mail.link("/password/forgot", null)));
	}
}
