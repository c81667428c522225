package org.taexchange.accounts;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts wrong passwords and locks an account for a while after too many in a row. */
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
		this.accounts.findByEmail(new EmailAddress(name).value()).ifPresent(account -> {
			account.recordFailedSignIn(this.settings.maxFailedSignIns(), this.settings.lockDuration(), this.clock);
			this.accounts.save(account);
		});
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
			this.accounts.findById(user.id()).ifPresent(account -> {
				account.recordSuccessfulSignIn();
				this.accounts.save(account);
			});
		}
	}
}
