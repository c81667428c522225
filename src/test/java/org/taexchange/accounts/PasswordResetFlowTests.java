package org.taexchange.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.Message;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** "Forgot your password?": the mailed link, its limits, and what setting a new password does. */
@IntegrationTest
class PasswordResetFlowTests {

	static final String NEW_PASSWORD = "a fresh pass phrase after the reset";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theMailedLinkSetsANewPasswordOnceConfirmsTheAddressAndAMailSaysItChanged() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "reset");
		assertThat(verified(email)).isFalse();

		Instant asked = Instant.now();
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", email.toUpperCase()))
			.andExpect(redirectedUrl("/password/forgot?sent"));
		Message mail = TestMailServer.awaitMail(email, 2);
		assertThat(TestMailServer.subject(mail)).isEqualTo("Choose a new password for TA Exchange");
		assertThat(TestMailServer.body(mail)).contains("Hello Aminata Sesay", "within 60 minutes", "works once");
		String token = tokenIn(mail);
		Instant expires = this.jdbc.queryForObject(
				"select expires_at from password_token t join account a on a.id = t.account_id where a.email = ?",
				Instant.class, email);
		assertThat(expires).isBetween(asked.plus(Duration.ofHours(1)).minusSeconds(1),
				Instant.now().plus(Duration.ofHours(1)));
		assertThat(this.jdbc.queryForObject("select count(*) from password_token where token_hash = ?", Long.class,
				token))
			.as("the token itself is never stored")
			.isZero();

		this.mvc.perform(get("/password/reset").param("token", token))
			.andExpect(status().isOk())
			.andExpect(model().attribute("usable", true))
			.andExpect(view().name("accounts/reset"));
		this.mvc.perform(resetWith(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login?passwordSet"));

		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(NEW_PASSWORD))
			.andExpect(authenticated());
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PasswordAccounts.PASSWORD))
			.andExpect(unauthenticated());
		assertThat(verified(email)).as("reading the mail proves the address").isTrue();
		assertThat(this.jdbc.queryForObject("select status from account where email = ?", String.class, email))
			.as("but approves nothing")
			.isEqualTo("PENDING");

		Message changed = TestMailServer.awaitMail(email, 3);
		assertThat(TestMailServer.subject(changed)).isEqualTo("Your TA Exchange password was changed");
		assertThat(TestMailServer.body(changed)).contains("every session of your account has ended", "/password/forgot");

		this.mvc.perform(resetWith(token, "yet another pass phrase here", "yet another pass phrase here"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("usable", false));
		this.mvc.perform(get("/password/reset").param("token", token))
			.andExpect(model().attribute("usable", false));
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(NEW_PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
		String known = PasswordAccounts.register(this.mvc, "known");
		String unknown = "nobody." + System.nanoTime() + "@example.net";

		MvcResult forKnown = this.mvc.perform(post("/password/forgot").with(csrf()).param("email", known)).andReturn();
		MvcResult forUnknown = this.mvc.perform(post("/password/forgot").with(csrf()).param("email", unknown))
			.andReturn();
		assertThat(forUnknown.getResponse().getStatus()).isEqualTo(forKnown.getResponse().getStatus()).isEqualTo(302);
		assertThat(forUnknown.getResponse().getRedirectedUrl())
			.isEqualTo(forKnown.getResponse().getRedirectedUrl())
			.isEqualTo("/password/forgot?sent");
		String page = this.mvc.perform(get("/password/forgot?sent")).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(page).select("main").text()).contains("If an account can use this address");

		TestMailServer.awaitMail(known, 2);
		assertThat(TestMailServer.mailsTo(unknown)).isEmpty();
	}

	@Test
	void turnedDownAndDisabledAccountsGetNoLinkAndTheSameAnswer() throws Exception {
		String rejected = PasswordAccounts.register(this.mvc, "rejected");
		String disabled = PasswordAccounts.register(this.mvc, "disabled");
		this.jdbc.update("update account set status = 'REJECTED' where email = ?", rejected);
		this.jdbc.update("update account set status = 'DISABLED' where email = ?", disabled);

		for (String email : List.of(rejected, disabled)) {
			this.mvc.perform(post("/password/forgot").with(csrf()).param("email", email))
				.andExpect(redirectedUrl("/password/forgot?sent"));
		}
		String control = PasswordAccounts.register(this.mvc, "control");
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", control))
			.andExpect(redirectedUrl("/password/forgot?sent"));
		TestMailServer.awaitMail(control, 2);
		assertThat(TestMailServer.mailsTo(rejected)).hasSize(1);
		assertThat(TestMailServer.mailsTo(disabled)).hasSize(1);
	}

	@Test
	void anExpiredLinkOpensNothing() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "expired");
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", email));
		String token = tokenIn(TestMailServer.awaitMail(email, 2));
		// an hour has passed since the mail
		this.jdbc.update("update password_token set expires_at = now() - interval '1 second' where account_id = "
				+ "(select id from account where email = ?)", email);

		this.mvc.perform(get("/password/reset").param("token", token)).andExpect(model().attribute("usable", false));
		this.mvc.perform(resetWith(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(model().attribute("usable", false));
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PasswordAccounts.PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void aNewPasswordEndsEverySessionOfTheAccount() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "sessions");
		MockHttpSession office = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
		MockHttpSession phone = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
		this.mvc.perform(get("/account").session(office)).andExpect(status().isOk());

		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", email));
		String token = tokenIn(TestMailServer.awaitMail(email, 2));
		this.mvc.perform(resetWith(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login?passwordSet"));

		this.mvc.perform(get("/account").session(office)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/account").session(phone)).andExpect(redirectedUrl("/login?ended"));
	}

	@Test
	void aRefusedPasswordComesBackWithTheReasonAndTheLinkStillWorks() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "refused");
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", email));
		String token = tokenIn(TestMailServer.awaitMail(email, 2));

		String page = this.mvc.perform(resetWith(token, "password1234", "password1234"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("newPassword", "password", "password.common"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document form = Jsoup.parse(page);
		assertThat(form.select(".error-summary").text()).contains("among the most commonly used and leaked passwords");
		assertThat(form.select("input[name=token]").val()).as("the link is kept in the form").isEqualTo(token);
		assertThat(form.select("#password").val()).as("no password is sent back").isEmpty();

		this.mvc.perform(resetWith(token, "Aminata Sesay 1990", "Aminata Sesay 1990"))
			.andExpect(model().attributeHasFieldErrorCode("newPassword", "password", "password.name"));
		this.mvc.perform(resetWith(token, "x".repeat(129), "x".repeat(129)))
			.andExpect(model().attributeHasFieldErrorCode("newPassword", "password", "password.tooLong"));
		this.mvc.perform(resetWith(token, NEW_PASSWORD, NEW_PASSWORD + " but different"))
			.andExpect(model().attributeHasFieldErrorCode("newPassword", "passwordConfirmation", "password.mismatch"));

		String atTheLimit = "ñ".repeat(64) + "x".repeat(64);
		this.mvc.perform(resetWith(token, atTheLimit, atTheLimit)).andExpect(redirectedUrl("/login?passwordSet"));
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(atTheLimit))
			.andExpect(authenticated());
	}

	@Test
	void aMistypedAddressIsKeptInTheFormWithTheReason() throws Exception {
		String page = this.mvc.perform(post("/password/forgot").with(csrf()).param("email", "not an address"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("forgot", "email", "email.invalid"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("#email").val()).isEqualTo("not an address");

		String domain = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example.net";
		String tooLong = "a".repeat(254 - domain.length()) + "@" + domain;
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", tooLong))
			.andExpect(model().attributeHasFieldErrorCode("forgot", "email", "Size"));
		String atTheLimit = "a".repeat(253 - domain.length()) + "@" + domain;
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", atTheLimit))
			.andExpect(redirectedUrl("/password/forgot?sent"));
		this.mvc.perform(post("/password/forgot").with(csrf()))
			.andExpect(model().attributeHasFieldErrorCode("forgot", "email", "NotBlank"));
	}

	@Test
	void theSignInPageLeadsToTheForgottenPasswordPage() throws Exception {
		String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(page).select("a[href=/password/forgot]").text()).isEqualTo("Forgot your password?");
	}

	private static org.springframework.test.web.servlet.RequestBuilder resetWith(String token, String password,
			String confirmation) {
		return post("/password/reset").with(csrf())
			.param("token", token)
			.param("password", password)
			.param("passwordConfirmation", confirmation);
	}

	static String tokenIn(Message mail) {
		String link = TestMailServer.linkIn(mail, "/password/reset?token=");
		return link.substring(link.indexOf("token=") + 6);
	}

	private boolean verified(String email) {
		return this.jdbc.queryForObject("select email_verified_at is not null from account where email = ?",
				Boolean.class, email);
	}
}
