package org.taexchange.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Wrong passwords for one account typed at the same moment, as a guessing script sends them (review
 * M2): each gets the sign-in page's one answer, none an error page, and the account is locked once
 * after the allowed number, not later and not never.
 */
@IntegrationTest
class SignInAttemptsConcurrencyTests {

	/** More guesses at once than the five wrong passwords an account allows. */
	static final int GUESSES = 8;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	private ExecutorService guessers;

	@BeforeEach
	void setUp() {
		this.guessers = Executors.newFixedThreadPool(GUESSES);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.guessers.shutdownNow();
		assertThat(this.guessers.awaitTermination(60, TimeUnit.SECONDS)).as("every guess is answered").isTrue();
	}

	@Test
	void wrongPasswordsSentAtOnceAreEachAnsweredAsWrongAndLockTheAccountOnce() throws Exception {
		String email = PasswordAccounts.register(this.mvc, "parallel-guesses");
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < GUESSES; i++) {
			String guess = "wrong guess number " + i;
			answers.add(this.guessers.submit(() -> {
				start.await();
				try {
					return this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(guess))
						.andReturn()
						.getResponse()
						.getRedirectedUrl();
				}
				catch (Exception failure) {
					return "failed: " + failure;
				}
			}));
		}
		start.countDown();
		List<String> redirects = new ArrayList<>();
		for (Future<String> answer : answers) {
			redirects.add(answer.get(60, TimeUnit.SECONDS));
		}
		assertThat(redirects).as("the answer to each guess").containsOnly("/login?error");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from decision_log where subject_id = ? and action = 'LOCKED'", Long.class, email))
			.as("lockouts logged")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select locked_until > now() from account where email = ?", Boolean.class,
				email))
			.as("the account is locked")
			.isTrue();
	}
}
