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

	private final AuthenticatorApps apps;

	private final Clock clock;

	AccountUserDetailsService(Accounts accounts, AuthenticatorApps apps, Clock clock) {
		this.accounts = accounts;
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
					this.apps.existsById(account.getId())))
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}
}
