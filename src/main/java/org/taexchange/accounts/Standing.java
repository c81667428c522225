package org.taexchange.accounts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an account may act now, read from the database rather than from the signed-in
 * principal, which was built at sign-in and does not see an approval given since.
 */
@Service
@Transactional(readOnly = true)
public class Standing {

	private final Accounts accounts;

	Standing(Accounts accounts) {
		this.accounts = accounts;
	}

	/** Verified and approved, and so allowed to submit requests or offers. */
	public boolean maySubmit(long accountId) {
		return this.accounts.findById(accountId).map(Account::maySubmit).orElse(false);
	}
}
