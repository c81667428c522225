package org.taexchange.accounts;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.taexchange.matching.MatchExamples;
import org.taexchange.platform.PendingDecision;
import org.taexchange.support.AuthenticatorCodes;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * The second factor: staff set up an authenticator app before the admin area, sign-in asks for its
 * code, a code works once, wrong codes lock the account like wrong passwords, recovery codes work
 * once, and approvals ask for a new code after a while without losing the decision.
 */
@IntegrationTest
class SecondFactorTests {

	private static final String PASSWORD = "a pass phrase for second factor tests";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService people;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@Autowired
	SecondFactors secondFactors;

	@Test
	void aCoordinatorWithoutASecondFactorSetsOneUpBeforeAnyAdminPageAndSeesTheSecretOnlyThen() throws Exception {
		String email = newCoordinator();
		MockHttpSession session = signInWithPassword(email);

		assertThat(this.mvc.perform(get("/admin/accounts").session(session)).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/login/code");
		assertThat(this.mvc.perform(get("/login/code").session(session)).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/account/second-factor");

		MvcResult page = this.mvc.perform(get("/account/second-factor").session(session)).andReturn();
		String secret = (String) session.getAttribute(SecondFactorController.ENROLMENT_SECRET);
		assertThat(page.getResponse().getContentAsString()).contains(secret.substring(0, 4) + " ")
			.contains("/account/second-factor/qr-code.png");
		MvcResult qr = this.mvc.perform(get("/account/second-factor/qr-code.png").session(session)).andReturn();
		assertThat(qr.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(qr.getResponse().getContentAsByteArray())).getWidth())
			.isGreaterThanOrEqualTo(200);

		MvcResult wrong = this.mvc.perform(post("/account/second-factor").session(session).with(csrf())
			.param("code", wrongCode(secret))).andReturn();
		assertThat(wrong.getResponse().getContentAsString()).contains("This code is not right");

		MvcResult enrolled = this.mvc.perform(post("/account/second-factor").session(session).with(csrf())
			.param("code", codeNow(secret))).andReturn();
		assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor/recovery-codes");
		@SuppressWarnings("unchecked")
		List<String> recoveryCodes = (List<String>) enrolled.getFlashMap().get("recoveryCodes");
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();

		// the code just typed counts: the admin area opens
		assertThat(this.mvc.perform(get("/admin/accounts").session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		// the secret is never shown again, nor stored in clear
		String after = this.mvc.perform(get("/account/second-factor").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(after).contains("Your second factor is on").doesNotContain(secret.substring(0, 4) + " ");
		assertThat(this.mvc.perform(get("/account/second-factor/qr-code.png").session(session)).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		String stored = this.jdbc.queryForObject(
				"select secret_cipher from authenticator_app a join account c on c.id = a.account_id where c.email = ?",
				String.class, email);
		assertThat(stored).doesNotContain(secret);
		assertThat(this.jdbc.queryForList(
				"select code_hash from recovery_code r join account c on c.id = r.account_id where c.email = ?",
				String.class, email)).hasSize(10).doesNotContainAnyElementsOf(recoveryCodes);
	}

	@Test
	void signInAsksForTheCodeAfterThePasswordAndACodeIsAcceptedOnlyOnce() throws Exception {
		String email = newCoordinator();
		String secret = enrol(email);
		long step = TimeBasedCodes.step(Instant.now()) + 1;

		MockHttpSession first = signInWithPassword(email);
		assertThat(this.mvc.perform(get("/admin").session(first)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login/code");
		MvcResult accepted = sendCode(first, TimeBasedCodes.code(secret, step));
		assertThat(accepted.getResponse().getRedirectedUrl()).endsWith("/admin");
		assertThat(this.mvc.perform(get("/admin").session(first)).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		// the same code again, or an older one, from someone who saw it: refused
		MockHttpSession second = signInWithPassword(email);
		for (String replayed : List.of(TimeBasedCodes.code(secret, step), TimeBasedCodes.code(secret, step - 1))) {
			MvcResult refused = sendCode(second, replayed);
			assertThat(refused.getResponse().getStatus()).isEqualTo(200);
			assertThat(refused.getResponse().getContentAsString()).contains("This code is not right");
		}
		assertThat(this.mvc.perform(get("/admin").session(second)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login/code");
	}

	@Test
	void aRecoveryCodeStandsInForTheAppOnce() throws Exception {
		String email = newCoordinator();
		List<String> recoveryCodes = enrolled(email).recoveryCodes();

		MockHttpSession session = signInWithPassword(email);
		assertThat(sendCode(session, recoveryCodes.get(3).toUpperCase(Locale.ROOT)).getResponse().getRedirectedUrl())
			.endsWith("/admin");
		MockHttpSession again = signInWithPassword(email);
		assertThat(sendCode(again, recoveryCodes.get(3)).getResponse().getContentAsString())
			.contains("This code is not right");
	}

	@Test
	void wrongCodesCountTowardTheLockOfTheAccount() throws Exception {
		String email = newCoordinator();
		String secret = enrol(email);
		MockHttpSession session = signInWithPassword(email);
		MvcResult last = null;
		for (int attempt = 0; attempt < 5; attempt++) {
			last = sendCode(session, wrongCode(secret));
		}
		assertThat(last.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(this.accounts.findByEmail(email).orElseThrow().isLocked(this.clock)).isTrue();
		assertThat(this.mvc.perform(get("/admin").session(session)).andReturn().getResponse().getRedirectedUrl())
			.as("signed out")
			.endsWith("/login");
		// now even the right password and code are refused until the lock ends
		MvcResult password = this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
			.andReturn();
		assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void recoveryCodesAreKeptAsSaltedArgon2HashesEachFoundByItsFirstGroup() throws Exception {
		String email = newCoordinator();
		List<String> recoveryCodes = enrolled(email).recoveryCodes();

		List<Map<String, Object>> stored = this.jdbc.queryForList(
				"select lookup, code_hash from recovery_code r join account c on c.id = r.account_id where c.email = ?",
				email);
		assertThat(stored).hasSize(10);
		assertThat(stored).extracting(row -> (String) row.get("lookup"))
			.containsExactlyInAnyOrderElementsOf(recoveryCodes.stream().map(code -> code.substring(0, 4)).toList());
		for (Map<String, Object> row : stored) {
			String hash = (String) row.get("code_hash");
			assertThat(hash).startsWith("{argon2}$argon2id$");
			String code = recoveryCodes.stream().filter(c -> c.startsWith((String) row.get("lookup"))).findFirst()
				.orElseThrow();
			assertThat(this.passwordEncoder.matches(code.replace("-", ""), hash)).isTrue();
		}
	}

	@Test
	void aRecoveryCodeStoredBeforeLookupsStillWorksOnce() throws Exception {
		String email = newCoordinator();
		long id = this.accounts.findByEmail(email).orElseThrow().getId();
		this.secondFactors.enrolDemo(id, TimeBasedCodes.newSecret());
		// as V17 stored them: the unsalted SHA-256 of the letters and digits, no lookup
		this.jdbc.update("insert into recovery_code (account_id, code_hash) values (?, encode(sha256(?::bytea), 'hex'))",
				id, "k7pq2mzx9aw4rt3b");

		assertThat(sendCode(signInWithPassword(email), "K7PQ-2MZX-9AW4-RT3B").getResponse().getRedirectedUrl())
			.endsWith("/admin");
		assertThat(sendCode(signInWithPassword(email), "k7pq-2mzx-9aw4-rt3b").getResponse().getContentAsString())
			.contains("This code is not right");
	}

	@Test
	void settingUpUsingAndMissingTheSecondFactorAreRecordedInTheSecurityTrail() throws Exception {
		String email = newCoordinator();
		Enrolment enrolment = enrolled(email);
		String secret = enrolment.secret();
		List<String> recoveryCodes = enrolment.recoveryCodes();
		String code = TimeBasedCodes.code(secret, TimeBasedCodes.step(Instant.now()) + 1);

		sendCode(signInWithPassword(email), code);
		sendCode(signInWithPassword(email), code);
		MockHttpSession recovered = signInWithPassword(email);
		sendCode(recovered, recoveryCodes.get(0));
		sendCode(signInWithPassword(email), wrongCode(secret));

		assertThat(factorEvents(email)).containsExactly("FACTOR_ENROLLED: authenticator app",
				"FACTOR_USED: authenticator app", "FACTOR_FAILED: code already used",
				"FACTOR_USED: recovery code, 9 left", "FACTOR_FAILED: wrong code");
		assertThat(this.jdbc.queryForList("select detail from security_event where account_email = ?", String.class,
				email))
			.as("no code in the trail")
			.noneMatch(detail -> detail != null
					&& (detail.contains(code) || detail.contains(recoveryCodes.get(0)) || detail.contains(secret)));
		assertThat(this.mvc.perform(get("/account/second-factor").session(recovered)).andReturn().getResponse()
			.getContentAsString()).contains("Recovery codes not used yet: 9.");
	}

	@Test
	void wrongCodesAreCountedAcrossSignInsARightPasswordDoesNotStartTheCountAgain() throws Exception {
		String email = newCoordinator();
		String secret = enrol(email);
		MockHttpSession first = signInWithPassword(email);
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(sendCode(first, wrongCode(secret)).getResponse().getStatus()).isEqualTo(200);
		}

		// signing in again with the right password, the next two wrong codes lock the account
		MockHttpSession second = signInWithPassword(email);
		assertThat(sendCode(second, wrongCode(secret)).getResponse().getStatus()).isEqualTo(200);
		assertThat(sendCode(second, wrongCode(secret)).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(this.accounts.findByEmail(email).orElseThrow().isLocked(this.clock)).isTrue();
		assertThat(this.jdbc.queryForList("""
				select kind || ': ' || coalesce(detail, '') from security_event
				where account_email = ? and kind in ('FACTOR_FAILED', 'LOCKED_OUT') order by id""", String.class, email))
			.hasSize(6)
			.startsWith("FACTOR_FAILED: wrong code")
			.last()
			.asString()
			.startsWith("LOCKED_OUT: Locked until")
			.endsWith("after 5 wrong second-factor codes");
	}

	@Test
	void theSameCodeCheckedTwiceAtTheSameMomentIsAcceptedOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 8; round++) {
				long id = this.accounts.findByEmail(newCoordinator()).orElseThrow().getId();
				String secret = TimeBasedCodes.newSecret();
				this.secondFactors.enrolDemo(id, secret);
				String code = codeNow(secret);
				CountDownLatch start = new CountDownLatch(1);
				Callable<SecondFactors.Outcome> check = () -> {
					start.await();
					return this.secondFactors.check(id, code);
				};
				Future<SecondFactors.Outcome> one = pool.submit(check);
				Future<SecondFactors.Outcome> other = pool.submit(check);
				start.countDown();
				assertThat(List.of(one.get(30, TimeUnit.SECONDS), other.get(30, TimeUnit.SECONDS)))
					.as("round %d", round)
					.containsExactlyInAnyOrder(SecondFactors.Outcome.ACCEPTED, SecondFactors.Outcome.REFUSED);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anOfficialMayTurnItOnAndIsThenAskedForTheCodeOnEveryPage() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String email = registrations.official("second-factor-official", "SL", "National Minerals Agency");
		registrations.approve(email);
		MockHttpSession session = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password(Registrations.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false) instanceof MockHttpSession s ? s : null;
		String enrolPage = this.mvc.perform(get("/account/second-factor").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(enrolPage).contains("You can protect your account");
		String secret = (String) session.getAttribute(SecondFactorController.ENROLMENT_SECRET);
		this.mvc.perform(post("/account/second-factor").session(session).with(csrf()).param("code", codeNow(secret)));

		MvcResult password = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password(Registrations.PASSWORD))
			.andReturn();
		assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		MockHttpSession next = (MockHttpSession) password.getRequest().getSession(false);
		assertThat(this.mvc.perform(get("/requests").session(next)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login/code");
		assertThat(sendCode(next, TimeBasedCodes.code(secret, TimeBasedCodes.step(Instant.now()) + 1)).getResponse()
			.getRedirectedUrl()).endsWith("/requests");
		assertThat(this.mvc.perform(get("/requests").session(next)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void approvingAnAccountAsksForANewCodeAfterThirtyMinutesAndKeepsTheDecision() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String official = registrations.official("step-up-official", "SL", "National Minerals Agency");
		long id = this.accounts.findByEmail(official).orElseThrow().getId();
		String version = String.valueOf(this.accounts.findByEmail(official).orElseThrow().getVersion());
		var coordinator = this.people.loadUserByUsername("coordinator@example.org");
		MockHttpSession session = new MockHttpSession();
		var codeFromAnHourAgo = signedIn(coordinator, Instant.now().minus(Duration.ofMinutes(31)));

		// other admin pages still open with the older code
		assertThat(this.mvc.perform(get("/admin/accounts/" + id).session(session).with(codeFromAnHourAgo))
			.andReturn().getResponse().getStatus()).isEqualTo(200);
		MvcResult asked = this.mvc.perform(post("/admin/accounts/" + id + "/approve").session(session)
			.with(codeFromAnHourAgo).with(csrf()).param("version", version)).andReturn();
		assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		assertThat(this.accounts.findByEmail(official).orElseThrow().getStatus()).isEqualTo(AccountStatus.PENDING);
		assertThat(this.mvc.perform(get("/login/code").session(session).with(codeFromAnHourAgo)).andReturn()
			.getResponse().getContentAsString()).contains("Your decision is kept");

		MvcResult code = this.mvc.perform(post("/login/code").session(session).with(codeFromAnHourAgo).with(csrf())
			.param("code", AuthenticatorCodes.unusedCode(AuthenticatorCodes.DEMO_SECRET))).andReturn();
		assertThat(code.getResponse().getRedirectedUrl()).isEqualTo("/login/continue");
		MvcResult confirm = this.mvc.perform(get("/login/continue").session(session)).andReturn();
		assertThat(confirm.getModelAndView().getModel().get("pending"))
			.isEqualTo(new PendingDecision("/admin/accounts/" + id + "/approve", Map.of("version", List.of(version))));
		assertThat(confirm.getResponse().getContentAsString()).contains("action=\"/admin/accounts/" + id + "/approve\"")
			.contains("name=\"version\" value=\"" + version + "\"");

		// the session now holds a fresh code: the decision goes through
		MvcResult approved = this.mvc.perform(post("/admin/accounts/" + id + "/approve").session(session).with(csrf())
			.param("version", version)).andReturn();
		assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts");
		assertThat(this.accounts.findByEmail(official).orElseThrow().getStatus()).isEqualTo(AccountStatus.APPROVED);
	}

	@Test
	void approvingAMatchAsksForANewCodeAfterThirtyMinutesToo() throws Exception {
		MatchExamples matches = new MatchExamples(this.context);
		long match = matches.proposed();
		String version = String.valueOf(matches.versionOf(match));
		var coordinator = this.people.loadUserByUsername("coordinator@example.org");
		MockHttpSession session = new MockHttpSession();

		MvcResult asked = this.mvc.perform(post("/matches/" + match + "/approve").session(session)
			.with(signedIn(coordinator, Instant.now().minus(Duration.ofMinutes(31)))).with(csrf())
			.param("version", version)).andReturn();
		assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		assertThat(session.getAttribute(PendingDecision.SESSION_ATTRIBUTE))
			.isEqualTo(new PendingDecision("/matches/" + match + "/approve", Map.of("version", List.of(version))));
		assertThat(matches.statusNameOf(match)).isEqualTo("PROPOSED");

		MvcResult recent = this.mvc.perform(post("/matches/" + match + "/approve")
			.with(signedIn(coordinator, Instant.now().minus(Duration.ofMinutes(29)))).with(csrf())
			.param("version", version)).andReturn();
		assertThat(recent.getResponse().getRedirectedUrl()).isEqualTo("/matches/" + match);
		assertThat(matches.statusNameOf(match)).isEqualTo("APPROVED");
	}

	private List<String> factorEvents(String email) {
		return this.jdbc.queryForList("""
				select kind || ': ' || detail from security_event
				where account_email = ? and kind like 'FACTOR_%' order by id""", String.class, email);
	}

	private String newCoordinator() {
		String email = "second-factor-" + System.nanoTime() + "@example.org";
		this.accounts.save(Account.staff(new EmailAddress(email), this.passwordEncoder.encode(PASSWORD),
				"Second Factor Coordinator", Role.COORDINATOR, Locale.ENGLISH, this.clock));
		return email;
	}

	/** Sets up an app for the account, as its owner does, and returns the app's secret. */
	private String enrol(String email) throws Exception {
		return enrolled(email).secret();
	}

	/** Sets up an app for the account, as its owner does: the app's secret and the recovery codes shown. */
	@SuppressWarnings("unchecked")
	private Enrolment enrolled(String email) throws Exception {
		MockHttpSession session = signInWithPassword(email);
		this.mvc.perform(get("/account/second-factor").session(session));
		String secret = (String) session.getAttribute(SecondFactorController.ENROLMENT_SECRET);
		List<String> recoveryCodes = (List<String>) this.mvc
			.perform(post("/account/second-factor").session(session).with(csrf()).param("code", codeNow(secret)))
			.andReturn()
			.getFlashMap()
			.get("recoveryCodes");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from authenticator_app a join account c on c.id = a.account_id where c.email = ?",
				Integer.class, email)).isOne();
		return new Enrolment(secret, recoveryCodes);
	}

	private MockHttpSession signInWithPassword(String email) throws Exception {
		MvcResult result = this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private MvcResult sendCode(MockHttpSession session, String code) throws Exception {
		return this.mvc.perform(post("/login/code").session(session).with(csrf()).param("code", code)).andReturn();
	}

	private static String codeNow(String secret) {
		return TimeBasedCodes.code(secret, TimeBasedCodes.step(Instant.now()));
	}

	/** A code of none of the steps the portal accepts now. */
	private static String wrongCode(String secret) {
		long now = TimeBasedCodes.step(Instant.now());
		List<String> right = List.of(TimeBasedCodes.code(secret, now - 1), TimeBasedCodes.code(secret, now),
				TimeBasedCodes.code(secret, now + 1), TimeBasedCodes.code(secret, now + 2));
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!right.contains(code)) {
				return code;
			}
		}
	}

	private record Enrolment(String secret, List<String> recoveryCodes) {
	}
}
