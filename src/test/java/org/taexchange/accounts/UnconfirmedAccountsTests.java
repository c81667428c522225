package org.taexchange.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * An account whose address is never confirmed is removed after {@code app.security.unconfirmed-account-days}
 * (7), with its drafts and links, and its address can register again; confirmed accounts and those
 * still inside the period stay. Two instances running the job at once remove each account once.
 */
@IntegrationTest
class UnconfirmedAccountsTests {

	@Autowired
	UnconfirmedAccounts job;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService people;

	@Autowired
	ApplicationContext context;

	private ExecutorService instances;

	@BeforeEach
	void setUp() {
		this.instances = Executors.newFixedThreadPool(2);
		// whatever other tests left due goes first, so each run's count is about these accounts only
		this.job.removeExpired();
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.instances.shutdownNow();
		assertThat(this.instances.awaitTermination(30, TimeUnit.SECONDS)).as("both runs are done").isTrue();
	}

	@Test
	void anAccountNeverConfirmedPastThePeriodIsRemovedWithItsDraftsAndItsAddressRegistersAgain() throws Exception {
		String email = unconfirmed("expired");
		long id = idOf(email);
		this.mvc
			.perform(post("/requests/new").with(csrf())
				.with(signedIn(this.people.loadUserByUsername(email)))
				.param("beneficiaryCountries", "SL")
				.param("focalName", "Fatmata Koroma")
				.param("focalEmail", "focal@example.org"))
			.andExpect(redirectedUrlPattern("/requests/drafts/*/need"));
		assertThat(count("select count(*) from assistance_request where owner_id = ?", id)).isOne();
		registeredDaysAgo(email, 8);

		int removed = this.job.removeExpired();

		assertThat(removed).isOne();
		assertThat(count("select count(*) from account where email = ?", email)).isZero();
		assertThat(count("select count(*) from assistance_request where owner_id = ?", id)).isZero();
		assertThat(count("select count(*) from email_verification where account_id = ?", id)).isZero();
		assertThat(this.jdbc.queryForList(
				"select actor from decision_log where subject_type = 'ACCOUNT' and subject_id = ? and action = 'EXPIRED'",
				String.class, email))
			.containsExactly("system");

		register(email);
		assertThat(TestMailServer.subject(TestMailServer.awaitMail(email, 2)))
			.as("a new confirmation link, not \"you already have an account\"")
			.isEqualTo(TestMailServer.subject(TestMailServer.awaitMail(email, 1)));
		assertThat(count("select count(*) from account where email = ? and email_verified_at is null", email)).isOne();
	}

	@Test
	void theConfirmationMailSaysHowLongTheLinkAndTheAccountLast() throws Exception {
		String email = unconfirmed("mail");

		String body = TestMailServer.body(TestMailServer.awaitMail(email, 1));

		assertThat(body).contains("within 48 hours").contains("not confirmed within 7 days is removed");
	}

	@Test
	void aConfirmedAccountAndAnUnconfirmedOneInsideThePeriodStay() throws Exception {
		String confirmed = new Registrations(this.context).official("confirmed", "SL", "National Minerals Agency");
		registeredDaysAgo(confirmed, 30);
		String recent = unconfirmed("recent");
		registeredDaysAgo(recent, 6);

		int removed = this.job.removeExpired();

		assertThat(removed).isZero();
		assertThat(count("select count(*) from account where email in (?, ?)", confirmed, recent)).isEqualTo(2);
	}

	@Test
	void twoInstancesRunningTheJobAtOnceRemoveEachAccountOnceWithoutError() throws Exception {
		List<String> due = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String email = unconfirmed("twice" + i);
			registeredDaysAgo(email, 10);
			due.add(email);
		}
		CountDownLatch start = new CountDownLatch(1);
		Callable<Integer> run = () -> {
			start.await();
			return this.job.removeExpired();
		};
		Future<Integer> first = this.instances.submit(run);
		Future<Integer> second = this.instances.submit(run);
		start.countDown();

		assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS)).isEqualTo(due.size());
		for (String email : due) {
			assertThat(count("select count(*) from account where email = ?", email)).as(email).isZero();
			assertThat(count("select count(*) from decision_log where subject_id = ? and action = 'EXPIRED'", email))
				.as(email)
				.isOne();
		}
	}

	private String unconfirmed(String prefix) throws Exception {
		String email = prefix + "." + System.nanoTime() + "@example.net";
		register(email);
		return email;
	}

	private void register(String email) throws Exception {
		new Registrations(this.context).registerWithoutConfirming(email, "en");
	}

	/** The registration happened that long ago (the job compares with the portal's clock). */
	private void registeredDaysAgo(String email, int days) {
		this.jdbc.update("update account set created_at = now() - make_interval(days => ?) where email = ?", days,
				email);
	}

	private long idOf(String email) {
		return this.jdbc.queryForObject("select id from account where email = ?", Long.class, email);
	}

	private long count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Long.class, arguments);
	}
}
