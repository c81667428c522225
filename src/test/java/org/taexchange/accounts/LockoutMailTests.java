package org.taexchange.accounts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.mail.Message;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.platform.MailOutbox;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * When wrong passwords lock an account, the person gets one mail (through the outbox, in their
 * language) that says until when and to choose a new password if it was not them: one mail per
 * lockout, not one per wrong attempt.
 */
@IntegrationTest
class LockoutMailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MailOutbox outbox;

	@Autowired
	ApplicationContext context;

	@Test
	void aLockoutIsToldOnceInThePersonsLanguageWithTheMomentItEndsAndHowToResetThePassword() throws Exception {
		String email = registered("fr");
		Instant before = Instant.now();

		wrongPasswords(email, 5);

		Message mail = TestMailServer.awaitMail(email, 2);
		assertThat(TestMailServer.subject(mail)).isEqualTo("Votre compte TA Exchange est verrouillé pour un moment");
		Instant until = this.jdbc.queryForObject("select locked_until from account where email = ?", Instant.class,
				email);
		assertThat(until).isAfter(before);
		String body = TestMailServer.body(mail);
		assertThat(body).contains("5 fois de suite")
			.contains(until.truncatedTo(ChronoUnit.MINUTES).toString().replace("T", " ").replace(":00Z", " UTC"))
			.contains("/password/forgot");

		// more wrong passwords while it is locked: no more mail
		wrongPasswords(email, 3);
		this.outbox.sendDue();
		assertThat(mailsQueuedTo(email)).isEqualTo(2);
		assertThat(TestMailServer.mailsTo(email)).hasSize(2);
	}

	@Test
	void eachLockoutIsToldOnceInEnglishForAnEnglishSpeaker() throws Exception {
		String email = registered("en");

		wrongPasswords(email, 4);
		this.outbox.sendDue();
		assertThat(mailsQueuedTo(email)).as("no mail before the account is locked").isEqualTo(1);
		wrongPasswords(email, 1);
		assertThat(TestMailServer.subject(TestMailServer.awaitMail(email, 2)))
			.isEqualTo("Your TA Exchange account is locked for a while");

		// the lock ends; five more wrong passwords lock it again: a second mail
		this.jdbc.update("update account set locked_until = now() - interval '1 minute' where email = ?", email);
		wrongPasswords(email, 5);
		assertThat(TestMailServer.body(TestMailServer.awaitMail(email, 3))).contains("5 times in a row");
		this.outbox.sendDue();
		assertThat(mailsQueuedTo(email)).isEqualTo(3);
	}

	private String registered(String language) throws Exception {
		String email = "lockout." + System.nanoTime() + "@example.net";
		new Registrations(this.context).registerWithoutConfirming(email, language);
		TestMailServer.awaitMail(email, 1);
		return email;
	}

	private void wrongPasswords(String email, int howMany) throws Exception {
		for (int i = 0; i < howMany; i++) {
			this.mvc.perform(formLogin("/login").userParameter("email").user(email).password("wrong password " + i))
				.andExpect(redirectedUrl("/login?error"));
		}
	}

	private long mailsQueuedTo(String email) {
		return this.jdbc.queryForObject("select count(*) from outgoing_mail where mail_to = ?", Long.class, email);
	}
}
