package org.taexchange.accounts;

import java.net.ServerSocket;
import java.time.Duration;

import jakarta.mail.Message;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.platform.MailOutbox;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.taexchange.support.SignedIn.signedIn;

@IntegrationTest
class RegistrationFlowTests {

	static final String PASSWORD = "a long enough pass phrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	UserDetailsService users;

	private static String uniqueEmail(String prefix) {
		return prefix + "." + System.nanoTime() + "@example.net";
	}

	private MockHttpServletRequestBuilder requester(String email) {
		return post("/register").with(csrf())
			.param("accountType", "REQUESTER")
			.param("fullName", "Mariama Conteh")
			.param("email", email)
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD)
			.param("language", "en")
			.param("position", "Statistics officer")
			.param("participantCode", "SL")
			.param("authority", "National Minerals Agency");
	}

	@Test
	void aRequesterRegistersVerifiesByMailAndWaitsForApproval() throws Exception {
		String email = uniqueEmail("requester");
		this.mvc.perform(requester(email)).andExpect(redirectedUrl("/registered"));

		Message mail = TestMailServer.awaitMail(email, 1);
		assertThat(mail.getSubject()).isEqualTo("Confirm your email address for TA Exchange");
		String link = TestMailServer.linkIn(mail, "/verify?token=");
		String token = link.substring(link.indexOf("token=") + 6);

		this.mvc.perform(get("/verify").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm my email address")));
		assertThat(accountStatus(email)).isEqualTo("PENDING");
		assertThat(this.jdbc.queryForObject("select email_verified_at is null from account where email = ?",
				Boolean.class, email))
			.isTrue();

		this.mvc.perform(post("/verify").with(csrf()).param("token", token)).andExpect(redirectedUrl("/verify?done"));
		assertThat(this.jdbc.queryForObject("select email_verified_at is not null from account where email = ?",
				Boolean.class, email))
			.isTrue();
		assertThat(actions(email)).containsExactly("REGISTERED", "EMAIL_VERIFIED");

		this.mvc.perform(post("/verify").with(csrf()).param("token", token)).andExpect(redirectedUrl("/verify?failed"));
		this.mvc.perform(get("/verify").param("token", token))
			.andExpect(content().string(containsString("This link does not work")));

		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void whenTheSmtpServerIsDownTheAccountIsKeptAndTheConfirmationGoesOutOnceItIsBack() throws Exception {
		String email = uniqueEmail("smtp-down");
		JavaMailSenderImpl smtp = (JavaMailSenderImpl) this.context.getBean(JavaMailSender.class);
		MailOutbox outbox = this.context.getBean(MailOutbox.class);
		int port = smtp.getPort();
		try (ServerSocket closed = new ServerSocket(0)) {
			smtp.setPort(closed.getLocalPort());
		}
		try {
			// the page does not wait on the mail: the account is kept, the mail waits in the outbox
			this.mvc.perform(requester(email)).andExpect(redirectedUrl("/registered"));
			assertThat(accountStatus(email)).isEqualTo("PENDING");
			// the mail thread tried it as soon as the account was committed
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc.queryForObject(
						"select mail_attempts from outgoing_mail where mail_to = ? and mail_sent_at is null", Integer.class,
						email) >= 1);
			assertThat(TestMailServer.mailsTo(email)).isEmpty();
		}
		finally {
			smtp.setPort(port);
		}
		// the pause is over: the mail goes out, once, and its link (a one-time secret) is erased from the outbox
		this.jdbc.update("update outgoing_mail set mail_next_attempt_at = now() where mail_to = ?", email);
		outbox.sendDue();
		outbox.sendDue();
		assertThat(TestMailServer.awaitMail(email, 1).getSubject()).isEqualTo("Confirm your email address for TA Exchange");
		assertThat(TestMailServer.mailsTo(email)).hasSize(1);
		// erased by whichever thread sent it (the mail room's own may have been first), once it has recorded the sending
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("select mail_body from outgoing_mail where mail_to = ?", String.class,
					email), String::isEmpty);
	}

	@Test
	void aRegistrationThatFailsSendsNoMail() throws Exception {
		String email = uniqueEmail("rolled-back");
		TransactionTemplate transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		transaction.executeWithoutResult(status -> {
			this.context.getBean(MailOutbox.class).send(email, "Never sent", "A mail of a transaction that rolls back");
			status.setRollbackOnly();
		});
		this.context.getBean(MailOutbox.class).sendDue();
		assertThat(this.jdbc.queryForObject("select count(*) from outgoing_mail where mail_to = ?", Long.class, email))
			.isZero();
		assertThat(TestMailServer.mailsTo(email)).isEmpty();
	}

	@Test
	void registeringAnExistingAddressLooksTheSameAndWarnsTheOwner() throws Exception {
		String email = uniqueEmail("twice");
		this.mvc.perform(requester(email)).andExpect(redirectedUrl("/registered"));
		this.mvc.perform(requester(email.toUpperCase())).andExpect(redirectedUrl("/registered"));
		assertThat(this.jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email))
			.isEqualTo(1);
		Message second = TestMailServer.awaitMail(email, 2);
		assertThat(second.getSubject()).isEqualTo("You already have an account on TA Exchange");
	}

	@Test
	void aRegistrationThatLosesARaceForTheSameAddressLooksLikeAnyOther() throws Exception {
		String email = uniqueEmail("race");
		// The other registration wins between our check and our insert: PostgreSQL refuses the insert
		// with the unique-violation code, as the unique index would.
		this.jdbc.execute("""
				create or replace function lose_the_race() returns trigger language plpgsql as $$
				begin
				  if new.email = '%s' then
				    raise exception 'duplicate key value violates unique constraint' using errcode = '23505';
				  end if;
				  return new;
				end $$""".formatted(email));
		this.jdbc.execute("create trigger lose_the_race before insert on account for each row execute function lose_the_race()");
		try {
			this.mvc.perform(requester(email)).andExpect(redirectedUrl("/registered"));
		}
		finally {
			this.jdbc.execute("drop trigger lose_the_race on account");
			this.jdbc.execute("drop function lose_the_race()");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email))
			.isZero();
	}

	@Test
	void badInputIsExplainedNextToEachFieldAndNothingElseIsLost() throws Exception {
		this.mvc
			.perform(post("/register").with(csrf())
				.param("accountType", "REQUESTER")
				.param("fullName", "<script>alert(1)</script>")
				.param("email", "not-an-address")
				.param("password", "short")
				.param("passwordConfirmation", "short")
				.param("language", "xx")
				.param("position", "x".repeat(121))
				.param("participantCode", "XX")
				.param("authority", "Ministry'; drop table account; --"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/register"))
			.andExpect(model().attributeHasFieldErrorCode("registration", "email", "email.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("registration", "password", "password.tooShort"))
			.andExpect(model().attributeHasFieldErrorCode("registration", "language", "choice.unknown"))
			.andExpect(model().attributeHasFieldErrorCode("registration", "position", "Size"))
			.andExpect(model().attributeHasFieldErrorCode("registration", "participantCode", "choice.unknown"))
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(containsString("value=\"not-an-address\"")))
			.andExpect(content().string(containsString("Ministry&#39;; drop table account; --")));
		assertThat(this.jdbc.queryForObject("select count(*) from account", Integer.class)).isPositive();
	}

	@Test
	void errorsAreShownInFrenchToAFrenchReader() throws Exception {
		this.mvc
			.perform(post("/register").with(csrf())
				.header("Accept-Language", "fr")
				.param("accountType", "PROVIDER")
				.param("fullName", "")
				.param("email", "x@example.org")
				.param("password", PASSWORD)
				.param("passwordConfirmation", PASSWORD + "!")
				.param("language", "fr")
				.param("position", "Expert"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("registration", "fullName", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("registration", "passwordConfirmation", "password.mismatch"))
			.andExpect(model().attributeHasFieldErrorCode("registration", "organisationId",
					"registration.organisation.oneOf"))
			.andExpect(content().string(containsString("Il y a un problème")))
			.andExpect(content().string(containsString("Les deux mots de passe ne sont pas identiques.")));
	}

	@Test
	void aProviderNamingANewOrganisationGetsItVettedWithTheAccount() throws Exception {
		String email = uniqueEmail("provider");
		String organisation = "Mining Cadastre Institute " + System.nanoTime();
		this.mvc
			.perform(post("/register").with(csrf())
				.param("accountType", "PROVIDER")
				.param("fullName", "Jean Kouassi")
				.param("email", email)
				.param("password", PASSWORD)
				.param("passwordConfirmation", PASSWORD)
				.param("language", "fr")
				.param("position", "Expert")
				.param("newOrganisationName", organisation)
				.param("newOrganisationType", "ACADEMIC"))
			.andExpect(redirectedUrl("/registered"));
		assertThat(organisationStatus(organisation)).isEqualTo("PROPOSED");
		assertThat(TestMailServer.awaitMail(email, 1).getSubject())
			.isEqualTo("Confirmez votre adresse électronique pour TA Exchange");
		verify(email);

		long id = accountId(email);
		var coordinator = signedIn(this.users.loadUserByUsername("coordinator@example.org"));
		this.mvc.perform(get("/admin/accounts").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(email)));
		this.mvc.perform(get("/admin/accounts/" + id).with(coordinator))
			.andExpect(content().string(containsString("approving this account also accepts the organisation")));

		long staleVersion = version(email);
		this.mvc.perform(post("/admin/accounts/" + id + "/approve").with(csrf()).with(coordinator)
			.param("version", String.valueOf(staleVersion))).andExpect(redirectedUrl("/admin/accounts"));
		assertThat(accountStatus(email)).isEqualTo("APPROVED");
		assertThat(organisationStatus(organisation)).isEqualTo("ACTIVE");
		assertThat(actions(email)).containsExactly("REGISTERED", "EMAIL_VERIFIED", "APPROVED");

		this.mvc
			.perform(post("/admin/accounts/" + id + "/approve").with(csrf())
				.with(coordinator)
				.param("version", String.valueOf(staleVersion)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this item")))
			.andExpect(content().string(containsString("href=\"/admin/accounts/" + id + "\"")));
		this.mvc
			.perform(post("/admin/accounts/" + id + "/approve").with(csrf())
				.with(coordinator)
				.param("version", String.valueOf(version(email))))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This item is now approved")));
	}

	@Test
	void aRejectionNeedsAReasonAndTheRejectedCannotSignIn() throws Exception {
		String email = uniqueEmail("rejected");
		this.mvc.perform(requester(email)).andExpect(redirectedUrl("/registered"));
		long id = accountId(email);
		var coordinator = signedIn(this.users.loadUserByUsername("coordinator@example.org"));
		this.mvc
			.perform(post("/admin/accounts/" + id + "/reject").with(csrf())
				.with(coordinator)
				.param("version", String.valueOf(version(email)))
				.param("reason", " "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("decision", "reason", "NotBlank"));
		assertThat(accountStatus(email)).isEqualTo("PENDING");
		this.mvc
			.perform(post("/admin/accounts/" + id + "/reject").with(csrf())
				.with(coordinator)
				.param("version", String.valueOf(version(email)))
				.param("reason", "Not an official of this participant"))
			.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(accountStatus(email)).isEqualTo("REJECTED");
		assertThat(this.jdbc.queryForObject(
				"select reason from decision_log where subject_id = ? and action = 'REJECTED'", String.class, email))
			.isEqualTo("Not an official of this participant");
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void anUnverifiedAccountCannotBeApproved() throws Exception {
		String email = uniqueEmail("unverified");
		this.mvc.perform(requester(email)).andExpect(redirectedUrl("/registered"));
		var coordinator = signedIn(this.users.loadUserByUsername("coordinator@example.org"));
		this.mvc
			.perform(post("/admin/accounts/" + accountId(email) + "/approve").with(csrf())
				.with(coordinator)
				.param("version", String.valueOf(version(email))))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("waiting for email confirmation")));
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
		String email = uniqueEmail("locked");
		this.mvc.perform(requester(email)).andExpect(redirectedUrl("/registered"));
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin("/login").userParameter("email").user(email).password("wrong password " + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		assertThat(actions(email)).contains("LOCKED");
		this.jdbc.update("update account set locked_until = now() - interval '1 minute' where email = ?", email);
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void aLanguageLinkChangesThePageButNothingStored() throws Exception {
		String email = uniqueEmail("language");
		this.mvc.perform(requester(email)).andExpect(redirectedUrl("/registered"));
		long version = this.jdbc.queryForObject("select version from account where email = ?", Long.class, email);
		this.mvc.perform(get("/").param("lang", "fr").with(signedIn(this.users.loadUserByUsername(email))))
			.andExpect(content().string(containsString("lang=\"fr\"")));
		assertThat(this.jdbc.queryForObject("select language from account where email = ?", String.class, email))
			.as("a GET stores nothing: the profile's language is set on its own form")
			.isEqualTo("en");
		assertThat(this.jdbc.queryForObject("select version from account where email = ?", Long.class, email))
			.isEqualTo(version);
	}

	@Test
	void anUnknownVerificationLinkDoesNothing() throws Exception {
		this.mvc.perform(get("/verify").param("token", "made-up"))
			.andExpect(content().string(containsString("This link does not work")));
		this.mvc.perform(post("/verify").with(csrf()).param("token", "made-up")).andExpect(redirectedUrl("/verify?failed"));
		this.mvc.perform(post("/verify").with(csrf())).andExpect(redirectedUrl("/verify?failed"));
	}

	private void verify(String email) throws Exception {
		Message mail = TestMailServer.awaitMail(email, 1);
		String link = TestMailServer.linkIn(mail, "/verify?token=");
		this.mvc.perform(post("/verify").with(csrf()).param("token", link.substring(link.indexOf("token=") + 6)))
			.andExpect(redirectedUrl("/verify?done"));
	}

	private String accountStatus(String email) {
		return this.jdbc.queryForObject("select status from account where email = ?", String.class, email);
	}

	private long accountId(String email) {
		return this.jdbc.queryForObject("select id from account where email = ?", Long.class, email);
	}

	private long version(String email) {
		return this.jdbc.queryForObject("select version from account where email = ?", Long.class, email);
	}

	private String organisationStatus(String name) {
		return this.jdbc.queryForObject("select status from organisation where name = ?", String.class, name);
	}

	private java.util.List<String> actions(String email) {
		return this.jdbc.queryForList(
				"select action from decision_log where subject_type = 'ACCOUNT' and subject_id = ? order by id",
				String.class, email);
	}
}
