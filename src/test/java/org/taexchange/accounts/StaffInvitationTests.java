package org.taexchange.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.mail.Message;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
import static org.taexchange.support.SignedIn.signedIn;

/** Admins invite coordinators and admins; the invitee sets the password through the mailed link. */
@IntegrationTest
class StaffInvitationTests {

	static final String ADMIN = "admin@example.org";

	static final String CHOSEN = "the invitee chose this pass phrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService people;

	@Test
	void anInvitedCoordinatorSetsAPasswordThroughTheLinkAndThenSignsIn() throws Exception {
		String email = "invited." + System.nanoTime() + "@example.org";
		Instant sent = Instant.now();
		this.mvc.perform(invite(email, "Ngozi Okafor", "COORDINATOR", "en"))
			.andExpect(redirectedUrl("/admin/staff/invite"));

		Map<String, Object> account = this.jdbc.queryForMap(
				"select role, status, email_verified_at, decided_by from account where email = ?", email);
		assertThat(account).containsEntry("role", "COORDINATOR")
			.containsEntry("status", "APPROVED")
			.containsEntry("email_verified_at", null)
			.containsEntry("decided_by", ADMIN);
		assertThat(this.jdbc.queryForMap(
				"select actor, action, to_state, reason from decision_log where subject_type = 'ACCOUNT' and subject_id = ?",
				email))
			.as("the decision log says who invited whom")
			.containsEntry("actor", ADMIN)
			.containsEntry("action", "INVITED")
			.containsEntry("reason", "COORDINATOR");
		Instant expires = this.jdbc.queryForObject(
				"select expires_at from password_token t join account a on a.id = t.account_id where a.email = ?",
				Instant.class, email);
		assertThat(expires).isBetween(sent.plus(Duration.ofHours(72)).minusSeconds(1),
				Instant.now().plus(Duration.ofHours(72)));

		Message mail = TestMailServer.awaitMail(email, 1);
		assertThat(TestMailServer.subject(mail)).isEqualTo("Your account on TA Exchange");
		assertThat(TestMailServer.body(mail)).contains("Hello Ngozi Okafor", "as coordinator", "within 72 hours");
		String token = PasswordResetFlowTests.tokenIn(mail);

		String page = this.mvc.perform(get("/password/reset").param("token", token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo("Set your password");
		this.mvc
			.perform(post("/password/reset").with(csrf())
				.param("token", token)
				.param("password", "Ngozi Okafor 2026")
				.param("passwordConfirmation", "Ngozi Okafor 2026"))
			.andExpect(model().attributeHasFieldErrorCode("newPassword", "password", "password.name"));
		this.mvc
			.perform(post("/password/reset").with(csrf())
				.param("token", token)
				.param("password", CHOSEN)
				.param("passwordConfirmation", CHOSEN))
			.andExpect(redirectedUrl("/login?passwordSet"));

		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(CHOSEN))
			.andExpect(authenticated().withRoles("COORDINATOR"));
		assertThat(this.jdbc.queryForObject("select email_verified_at is not null from account where email = ?",
				Boolean.class, email))
			.isTrue();
		assertThat(TestMailServer.mailsTo(email)).as("no 'password changed' mail for an invitation").hasSize(1);
	}

	@Test
	void nobodySignsInToAnInvitedAccountBeforeThePasswordIsSet() throws Exception {
		String email = "not-yet." + System.nanoTime() + "@example.org";
		this.mvc.perform(invite(email, "Pierre Mbeki", "ADMIN", "fr")).andExpect(redirectedUrl("/admin/staff/invite"));
		Message mail = TestMailServer.awaitMail(email, 1);
		assertThat(TestMailServer.subject(mail)).isEqualTo("Votre compte sur TA Exchange");
		assertThat(TestMailServer.body(mail)).contains("un compte de administrateur");

		for (String guess : new String[] { "", "null", CHOSEN, email }) {
			this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(guess))
				.andExpect(unauthenticated());
		}
	}

	@Test
	void anAddressThatHasAnAccountOrBadInputIsRefusedAndKeptInTheForm() throws Exception {
		String page = this.mvc.perform(invite("coordinator@example.org", "Someone Else", "COORDINATOR", "en"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("invitation", "email", "invitation.email.taken"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("#fullName").val()).isEqualTo("Someone Else");

		this.mvc.perform(invite("fresh." + System.nanoTime() + "@example.org", "N".repeat(121), "REQUESTER", "en"))
			.andExpect(model().attributeHasFieldErrorCode("invitation", "fullName", "Size"))
			.andExpect(model().attributeHasFieldErrorCode("invitation", "role", "choice.unknown"));
		this.mvc.perform(invite("not an address", "N".repeat(120), "ADMIN", "xx"))
			.andExpect(model().attributeHasFieldErrorCode("invitation", "email", "email.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("invitation", "language", "choice.unknown"))
			.andExpect(model().attributeErrorCount("invitation", 2));
	}

	private MockHttpServletRequestBuilder invite(String email, String fullName, String role, String language) {
		return post("/admin/staff/invite").with(csrf())
			.with(signedIn(this.people.loadUserByUsername(ADMIN)))
			.param("email", email)
			.param("fullName", fullName)
			.param("role", role)
			.param("language", language);
	}
}
