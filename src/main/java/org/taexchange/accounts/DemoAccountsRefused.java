package org.taexchange.accounts;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile, refuses to start while a demo account exists: their password is
 * published in the README. Runs before the accounts are seeded.
 */
@Component
@Profile("prod")
@Order(5)
class DemoAccountsRefused implements ApplicationRunner {

	private final Accounts accounts;

	DemoAccountsRefused(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> present = AccountSeeding.DEMO_EMAILS.stream().filter(this.accounts::existsByEmail).toList();
		if (!present.isEmpty()) {
			throw new IllegalStateException("The prod profile refuses to start: the demo account(s) " + present
					+ " exist, with the password published in the README. Delete them or move them to another"
					+ " address (README: Production settings).");
		}
	}
}
