package org.taexchange.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Production does not start while an account with the published demo password exists. */
@IntegrationTest
class DemoAccountsRefusedTests {

	@Autowired
	Accounts accounts;

	@Test
	void productionRefusesToStartWhileADemoAccountExists() {
		// the test database has the demo accounts
		assertThatIllegalStateException().isThrownBy(() -> new DemoAccountsRefused(this.accounts).run(null))
			.withMessageContaining("The prod profile refuses to start: the demo account(s) [admin@example.org,")
			.withMessageContaining("Delete them");
	}
}
