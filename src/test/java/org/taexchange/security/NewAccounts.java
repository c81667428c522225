package org.taexchange.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Accounts of the security tests' own, registered through the public form, so that wrong passwords
 * and refused decisions never touch the demo accounts other tests sign in with.
 */
final class NewAccounts {

	static final String PASSWORD = "a pass phrase for the security tests";

	private static final AtomicInteger counter = new AtomicInteger();

	private NewAccounts() {
	}

	/** Registers a requester of Sierra Leone and returns its email address; the account is pending. */
	static String registerRequester(MockMvc mvc, String purpose) throws Exception {
		String email = "security-" + purpose + "-" + System.nanoTime() + "-" + counter.incrementAndGet()
				+ "@example.org";
		String redirect = mvc.perform(registration("REQUESTER", email))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(redirect).as("registration of %s", email).isEqualTo("/registered");
		return email;
	}

	/** The registration form as a requester of Sierra Leone fills it in, with this account type. */
	static MockHttpServletRequestBuilder registration(String accountType, String email) {
		return post("/register").with(csrf())
			.param("accountType", accountType)
			.param("fullName", "Samuel Conteh")
			.param("email", email)
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD)
			.param("language", "en")
			.param("participantCode", "SL")
			.param("position", "Inspector")
			.param("authority", "National Minerals Agency");
	}
}
