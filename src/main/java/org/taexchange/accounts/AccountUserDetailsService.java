package org.taexchange.accounts;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the account of the person signing in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	private final Standing standing;

	private final AuthenticatorApps apps;

	private final Passkeys passkeys;

	private final Clock clock;

	AccountUserDetailsService(Accounts accounts, Standing standing, AuthenticatorApps apps, Passkeys passkeys,
			Clock clock) {
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.standing = standing;
		this.apps = apps;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		if (!EmailAddress.isValid(username)) {
			throw new UsernameNotFoundException("No account");
		}
		return this.accounts.findByEmail(new EmailAddress(username).value())
			.map(account -> new AccountUser(account, account.isLocked(this.clock),
					this.standing.participantActive(account), hasSecondFactor(account), this.clock.instant()))
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}

	/** An authenticator app, a passkey, or both. */
	private boolean hasSecondFactor(Account account) {
		return this.apps.existsById(account.getId()) || this.passkeys.anyOf(account.getEmail());
	}
}
