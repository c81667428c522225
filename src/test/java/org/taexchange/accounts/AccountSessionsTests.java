package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a session lives, whatever happens to its account. */
@IntegrationTest
class AccountSessionsTests {

	@Autowired
	AccountSessions sessions;

	@Autowired
	Accounts accounts;

	@Autowired
	Standing standing;

	@Autowired
	Clock clock;

	@Test
	void aSessionEndsEightHoursAfterSigningInHoweverBusyItIs() {
		Account official = this.accounts.findByEmail("official.sl@example.org").orElseThrow();

		assertThat(this.sessions.refresh(signedInAgo(official, Duration.ofHours(7).plusMinutes(59)),
				new MockHttpServletRequest()))
			.as("signed in 7 h 59 min ago")
			.isPresent();
		assertThat(this.sessions.refresh(signedInAgo(official, Duration.ofHours(8).plusMinutes(1)),
				new MockHttpServletRequest()))
			.as("signed in 8 h 1 min ago")
			.isEmpty();
	}

	@Test
	void theRequestRunsWithTheAccountAsItIsNowAndKeepsTheAuthoritiesOfTheSignIn() {
		Account official = this.accounts.findByEmail("official.sl@example.org").orElseThrow();
		Authentication signedIn = signedInAgo(official, Duration.ofMinutes(5));

		Authentication now = this.sessions.refresh(signedIn, new MockHttpServletRequest()).orElseThrow();

		assertThat(now.getPrincipal()).isInstanceOf(AccountUser.class).isNotSameAs(signedIn.getPrincipal());
		assertThat(((AccountUser) now.getPrincipal()).maySubmit()).isTrue();
		assertThat(now.getAuthorities()).isEqualTo(signedIn.getAuthorities());
	}

	private Authentication signedInAgo(Account account, Duration ago) {
		AccountUser user = new AccountUser(account, false, this.standing.participantActive(account), false,
				this.clock.instant().minus(ago));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}
}
