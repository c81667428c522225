package org.taexchange.accounts;

import java.util.Map;

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

/** {@code /account}: one's details and language, a new password, and "sign out everywhere else". */
@IntegrationTest
class AccountPageTests {

	static final String NEW_PASSWORD = "the second pass phrase of this account";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void changingThePasswordEndsTheOtherSessionsKeepsThisOneAndSaysSoByMail() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "change");
		MockHttpSession here = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
		MockHttpSession elsewhere = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);

		MvcResult changed = this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", PasswordAccounts.PASSWORD)
				.param("password", NEW_PASSWORD)
				.param("passwordConfirmation", NEW_PASSWORD))
			.andExpect(redirectedUrl("/account"))
			.andReturn();
		assertThat(changed.getFlashMap().get("flash")).isEqualTo("flash.account.passwordChanged");

		this.mvc.perform(get("/account").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/account").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/account").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));

		Message mail = TestMailServer.awaitMail(email, 2);
		assertThat(TestMailServer.subject(mail)).isEqualTo("Your TA Exchange password was changed");
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(NEW_PASSWORD))
			.andExpect(authenticated());
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PasswordAccounts.PASSWORD))
			.andExpect(unauthenticated());
	}

	@Test
	void aWrongCurrentPasswordOrARefusedNewOneChangesNothing() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "wrong-current");
		MockHttpSession here = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
		MockHttpSession elsewhere = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);

		String page = this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", "not my password at all")
				.param("password", NEW_PASSWORD)
				.param("passwordConfirmation", NEW_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("passwordChange", "currentPassword", "password.current.wrong"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document form = Jsoup.parse(page);
		assertThat(form.select("#currentPassword").val()).isEmpty();
		assertThat(form.select("#fullName").val()).as("the details form is there too").isEqualTo(PasswordAccounts.NAME);

		this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", PasswordAccounts.PASSWORD)
				.param("password", "taexchange2026!")
				.param("passwordConfirmation", "taexchange2026!"))
			.andExpect(model().attributeHasFieldErrorCode("passwordChange", "password", "password.portalName"));
		this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("password", NEW_PASSWORD)
				.param("passwordConfirmation", NEW_PASSWORD))
			.andExpect(
					model().attributeHasFieldErrorCode("passwordChange", "currentPassword", "password.current.required"));

		this.mvc.perform(get("/account").session(elsewhere)).andExpect(status().isOk());
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PasswordAccounts.PASSWORD))
			.andExpect(authenticated());
		assertThat(TestMailServer.mailsTo(email)).as("the verification mail only").hasSize(1);
	}

	@Test
	void signingOutEverywhereElseKeepsOnlyThisSession() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "everywhere");
		MockHttpSession here = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
		MockHttpSession laptop = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
		MockHttpSession phone = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);

		this.mvc.perform(post("/account/sessions").session(here).with(csrf())).andExpect(redirectedUrl("/account"));

		this.mvc.perform(get("/account").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/account").session(laptop)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/account").session(phone)).andExpect(redirectedUrl("/login?ended"));
		PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
	}

	@Test
	void theDetailsAndTheLanguageAreSavedAndTheLanguageCountsAtOnce() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "profile");
		MockHttpSession here = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
		long version = version(email);

		String atTheLimit = "N".repeat(120);
		this.mvc
			.perform(post("/account").session(here)
				.with(csrf())
				.param("fullName", atTheLimit)
				.param("position", "P".repeat(120))
				.param("language", "fr")
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/account"));
		Map<String, Object> saved = this.jdbc
			.queryForMap("select full_name, position, language from account where email = ?", email);
		assertThat(saved).containsEntry("full_name", atTheLimit)
			.containsEntry("position", "P".repeat(120))
			.containsEntry("language", "fr");

		String page = this.mvc.perform(get("/account").session(here)).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo("Votre compte");

		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", email));
		assertThat(TestMailServer.subject(TestMailServer.awaitMail(email, 2)))
			.as("mails come in the language chosen")
			.isEqualTo("Choisir un nouveau mot de passe pour TA Exchange");
	}

	@Test
	void badDetailsComeBackAsTypedAndAStaleFormIsRefused() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "bad-profile");
		MockHttpSession here = PasswordAccounts.signIn(this.mvc, email, PasswordAccounts.PASSWORD);
		long version = version(email);

		String page = this.mvc
			.perform(post("/account").session(here)
				.with(csrf())
				.param("fullName", "N".repeat(121))
				.param("position", "")
				.param("language", "de")
				.param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("profile", "fullName", "Size"))
			.andExpect(model().attributeHasFieldErrorCode("profile", "position", "field.required"))
			.andExpect(model().attributeHasFieldErrorCode("profile", "language", "choice.unknown"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("#fullName").val()).isEqualTo("N".repeat(121));
		assertThat(version(email)).isEqualTo(version);

		this.mvc
			.perform(post("/account").session(here)
				.with(csrf())
				.param("fullName", "Aminata K. Sesay")
				.param("position", "Licensing officer")
				.param("language", "en")
				.param("version", String.valueOf(version - 1)))
			.andExpect(status().isConflict());
		assertThat(this.jdbc.queryForObject("select full_name from account where email = ?", String.class, email))
			.isEqualTo(PasswordAccounts.NAME);
	}

	private long version(String email) {
		return this.jdbc.queryForObject("select version from account where email = ?", Long.class, email);
	}
}
