package org.taexchange.accounts;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Accounts of the password tests' own, registered through the public form (the verification mail is
 * the first mail each gets), so that new passwords and ended sessions never touch the demo accounts.
 */
final class PasswordAccounts {

	static final String PASSWORD = "the first pass phrase of this account";

	static final String NAME = "Aminata Sesay";

	private static final AtomicInteger counter = new AtomicInteger();

	private PasswordAccounts() {
	}

	/** A requester of Sierra Leone, pending and not yet verified; the address. */
	static String register(MockMvc mvc, String purpose) throws Exception {
		String email = "password-" + purpose + "-" + System.nanoTime() + "-" + counter.incrementAndGet()
				+ "@example.net";
		String redirect = mvc
			.perform(post("/register").with(csrf())
				.param("accountType", "REQUESTER")
				.param("fullName", NAME)
				.param("email", email)
				.param("password", PASSWORD)
				.param("passwordConfirmation", PASSWORD)
				.param("language", "en")
				.param("participantCode", "SL")
				.param("position", "Licensing officer")
				.param("authority", "National Minerals Agency"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(redirect).as("registration of %s", email).isEqualTo("/registered");
		return email;
	}

	/** Signs in through the form and returns the session, as a browser would keep it. */
	static MockHttpSession signIn(MockMvc mvc, String email, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("signing in as %s", email).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}
}
