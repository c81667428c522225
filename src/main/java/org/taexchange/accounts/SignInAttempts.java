package org.taexchange.accounts;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords and locks an account for a while after too many in a row. The account's row is
 * locked while it is counted, so that guesses sent in parallel are each counted, in turn, and none ends
 * in an error page that would tell the guesser more than the sign-in page does (review M2).
 */
@Component
class SignInAttempts {

	private final Accounts accounts;

	private final SecuritySettings settings;

	private final Clock clock;

	SignInAttempts(Accounts accounts, SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(AuthenticationFailureBadCredentialsEvent event) {
		String name = event.getAuthentication().getName();
		if (!EmailAddress.isValid(name)) {
			return;
		}
		this.accounts.lockByEmail(new EmailAddress(name).value()).ifPresent(account -> {
			account.recordFailedSignIn(this.settings.maxFailedSignIns(), this.settings.lockDuration(), this.clock);
			this.accounts.save(account);
		});
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
			this.accounts.lockById(user.id()).ifPresent(account -> {
				account.recordSuccessfulSignIn();
				this.accounts.save(account);
			});
		}
	}
}
