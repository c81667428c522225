package org.taexchange.support;

import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * New people for tests, the way a person becomes one: the registration page, the link mailed to
 * them (read from {@link TestMailServer}), and a coordinator's approval when the test wants it.
 */
public final class Registrations {

	/** The password of every account registered here. */
	public static final String PASSWORD = "a pass phrase for registered test accounts";

	private static final String COORDINATOR = "coordinator@example.org";

	private final MockMvc mvc;

	private final JdbcTemplate jdbc;

	private final UserDetailsService people;

	public Registrations(ApplicationContext context) {
		this.mvc = context.getBean(MockMvc.class);
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.people = context.getBean(UserDetailsService.class);
	}

	/** An official of that participant, registered and with the address confirmed, not yet approved; the address. */
	public String official(String emailPrefix, String participantCode, String authority) throws Exception {
		String email = emailPrefix + "." + System.nanoTime() + "@example.org";
		register(email, form(email, "REQUESTER", "en").param("fullName", "Fatmata Kamara")
			.param("participantCode", participantCode)
			.param("position", "Licensing officer")
			.param("authority", authority));
		return email;
	}

	/** A provider of that organisation, registered and with the address confirmed, not yet approved; the address. */
	public String provider(String emailPrefix, long organisationId) throws Exception {
		String email = emailPrefix + "." + System.nanoTime() + "@example.org";
		register(email, form(email, "PROVIDER", "en").param("fullName", "Anke Vogel")
			.param("organisationId", String.valueOf(organisationId))
			.param("position", "Programme manager"));
		return email;
	}

	/**
	 * An official of Sierra Leone who registers with this address and language and does not confirm the
	 * address (the confirmation mail is sent).
	 */
	public void registerWithoutConfirming(String email, String language) throws Exception {
		this.mvc
			.perform(form(email, "REQUESTER", language)
				.param("fullName", "Aminata Conteh")
				.param("participantCode", "SL")
				.param("position", "Licensing officer")
				.param("authority", "National Minerals Agency"))
			.andExpect(redirectedUrl("/registered"));
	}

	/** A coordinator approves the account, as it is now. */
	public void approve(String email) throws Exception {
		Map<String, Object> account = this.jdbc.queryForMap("select id, version from account where email = ?", email);
		this.mvc
			.perform(post("/admin/accounts/{id}/approve", account.get("id")).with(csrf())
				.with(signedIn(this.people.loadUserByUsername(COORDINATOR)))
				.param("version", account.get("version").toString()))
			.andExpect(redirectedUrl("/admin/accounts"));
	}

	private static MockHttpServletRequestBuilder form(String email, String accountType, String language) {
		return post("/register").with(csrf())
			.param("accountType", accountType)
			.param("email", email)
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD)
			.param("language", language);
	}

	private void register(String email, MockHttpServletRequestBuilder form) throws Exception {
		this.mvc.perform(form).andExpect(redirectedUrl("/registered"));
		String link = TestMailServer.linkIn(TestMailServer.awaitMail(email, 1), "/verify?token=");
		this.mvc.perform(post("/verify").with(csrf()).param("token", link.substring(link.indexOf("token=") + 6)))
			.andExpect(redirectedUrl("/verify?done"));
	}
}
