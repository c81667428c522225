package org.taexchange.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.audit.DecisionMade;
import org.taexchange.audit.SecurityEventKind;
import org.taexchange.audit.SecurityEventView;
import org.taexchange.audit.SecurityEvents;
import org.taexchange.matching.MatchExamples;
import org.taexchange.requests.RequestExamples;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * The security audit trail: what happens to an account's security is recorded with the address and
 * browser it came from, never with a password; admins read it at {@code /admin/security}; nobody,
 * the portal's own database connection included, can change or remove a line.
 */
@IntegrationTest
class SecurityEventTests {

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SecurityEvents events;

	@Autowired
	ApplicationContext context;

	@Autowired
	ITemplateEngine templates;

	@Autowired
	ApplicationEventPublisher publisher;

	/** A browser of its own for each test, so that its lines can be told from every other test's. */
	private record Browser(String ip, String userAgent) implements RequestPostProcessor {

		static Browser firefoxOnWindows() {
			int n = counter.incrementAndGet();
			return new Browser("203.0.113." + (n % 250 + 1),
					"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0 test-"
							+ System.nanoTime() + "-" + n);
		}

		@Override
		public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
			request.setRemoteAddr(this.ip);
			request.addHeader("User-Agent", this.userAgent);
			return request;
		}
	}

	@Test
	void signingInIsRecordedWithTheAccountTheAddressAndTheBrowser() throws Exception {
		Browser browser = Browser.firefoxOnWindows();
		MvcResult result = this.mvc.perform(signIn(browser, "  " + Visitor.PROVIDER.email() + " ", Visitor.DEMO_PASSWORD))
			.andReturn();
		assertThat(SignIn.whoIsSignedIn(result.getRequest().getSession(false))).isEqualTo(Visitor.PROVIDER.email());

		List<Map<String, Object>> lines = linesOf(browser);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).containsEntry("kind", "SIGNED_IN")
			.containsEntry("account_email", Visitor.PROVIDER.email())
			.containsEntry("account_id", accountId(Visitor.PROVIDER.email()))
			.containsEntry("ip", browser.ip())
			.containsEntry("user_agent", browser.userAgent())
			.containsEntry("path", "/login");
	}

	@Test
	void aWrongPasswordIsRecordedWithTheAddressAsTypedAndNeverThePassword() throws Exception {
		String email = NewAccounts.registerRequester(this.mvc, "wrong-password");
		String typed = "  " + email.toUpperCase(Locale.ROOT) + "\t";
		String wrongPassword = "not-the-pass-phrase-" + System.nanoTime();
		Browser browser = Browser.firefoxOnWindows();

		this.mvc.perform(signIn(browser, typed, wrongPassword)).andReturn();

		List<Map<String, Object>> lines = linesOf(browser);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).containsEntry("kind", "SIGN_IN_FAILED")
			.containsEntry("account_email", email.toUpperCase(Locale.ROOT))
			.containsEntry("ip", browser.ip())
			.containsEntry("path", "/login")
			.containsEntry("detail", "BAD_CREDENTIALS");
		String whole = this.jdbc.queryForObject("select row_to_json(e)::text from security_event e where user_agent = ?",
				String.class, browser.userAgent());
		assertThat(whole).doesNotContain(wrongPassword);
	}

	@Test
	void anAddressTypedOnAFailedSignInIsBoundedAndKeptOnOneLine() throws Exception {
		Browser browser = Browser.firefoxOnWindows();
		String typed = "someone@example.org\r\nFORGED LINE" + "x".repeat(1000);

		this.mvc.perform(signIn(browser, typed, "whatever-it-is")).andReturn();

		String recorded = (String) linesOf(browser).get(0).get("account_email");
		assertThat(recorded).startsWith("someone@example.org  FORGED LINE").hasSize(320).doesNotContain("\r", "\n");
	}

	@Test
	void theSignInThatLocksAnAccountIsRecordedAsALockoutAndTheRefusalsThatFollowAsFailures() throws Exception {
		String email = NewAccounts.registerRequester(this.mvc, "lockout");
		Browser browser = Browser.firefoxOnWindows();
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(signIn(browser, email, "wrong-" + attempt)).andReturn();
		}
		this.mvc.perform(signIn(browser, email, NewAccounts.PASSWORD)).andReturn();

		List<Map<String, Object>> lines = linesOf(browser);
		assertThat(lines).extracting(line -> line.get("kind"))
			.containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
					"LOCKED_OUT", "SIGN_IN_FAILED");
		assertThat(lines.get(5)).containsEntry("account_email", email)
			.containsEntry("ip", browser.ip())
			.containsEntry("user_agent", browser.userAgent());
		assertThat((String) lines.get(5).get("detail")).contains("after 5 failed sign-ins");
		assertThat(lines.get(6)).containsEntry("detail", "LOCKED");
	}

	@Test
	void anAccountDisabledOrEnabledByAnAdminIsRecordedWithWhoDidItAndWhy() {
		String email = "disabled-" + System.nanoTime() + "@example.org";
		Instant now = Instant.now();
		// what the accounts module logs when an admin disables, then enables an account
		this.transactions.executeWithoutResult(status -> {
			this.publisher.publishEvent(new DecisionMade(now, Visitor.ADMIN.email(), "ACCOUNT", email, "DISABLED",
					"APPROVED", "DISABLED", "Left the ministry"));
			this.publisher.publishEvent(new DecisionMade(now, Visitor.ADMIN.email(), "ACCOUNT", email, "ENABLED",
					"DISABLED", "APPROVED", "Back in post"));
			this.publisher.publishEvent(new DecisionMade(now, Visitor.ADMIN.email(), "ACCOUNT", email, "APPROVED",
					"PENDING", "APPROVED", null));
		});

		assertThat(this.events.latestOf(email, 10)).extracting(SecurityEventView::kind, SecurityEventView::detail)
			.containsExactly(tuple(SecurityEventKind.ACCOUNT_ENABLED, Visitor.ADMIN.email() + ": Back in post"),
					tuple(SecurityEventKind.ACCOUNT_DISABLED, Visitor.ADMIN.email() + ": Left the ministry"));
	}

	@Test
	void signingOutIsRecordedWithTheAccount() throws Exception {
		Browser browser = Browser.firefoxOnWindows();
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(signIn(browser, Visitor.REQUESTER.email(), Visitor.DEMO_PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);

		MvcResult out = this.mvc.perform(post("/logout").with(csrf()).with(browser).session(session)).andReturn();
		assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/?signedOut");

		List<Map<String, Object>> lines = linesOf(browser);
		assertThat(lines).extracting(line -> line.get("kind")).containsExactly("SIGNED_IN", "SIGNED_OUT");
		assertThat(lines.get(1)).containsEntry("account_email", Visitor.REQUESTER.email())
			.containsEntry("account_id", accountId(Visitor.REQUESTER.email()))
			.containsEntry("ip", browser.ip())
			.containsEntry("path", "/logout");
	}

	@Test
	void aSignedInPersonRefusedAPageIsRecordedAndAVisitorSentToSignInIsNot() throws Exception {
		Browser official = Browser.firefoxOnWindows();
		MockHttpServletResponse refused = this.mvc
			.perform(get("/admin/accounts").with(Visitor.REQUESTER.as(this.people)).with(official))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		Browser visitor = Browser.firefoxOnWindows();
		this.mvc.perform(get("/admin/accounts").with(visitor)).andReturn();

		List<Map<String, Object>> lines = linesOf(official);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).containsEntry("kind", "ACCESS_DENIED")
			.containsEntry("account_email", Visitor.REQUESTER.email())
			.containsEntry("account_id", accountId(Visitor.REQUESTER.email()))
			.containsEntry("ip", official.ip())
			.containsEntry("path", "/admin/accounts")
			.containsEntry("detail", "GET 403");
		assertThat(linesOf(visitor)).isEmpty();
	}

	@Test
	void anOfficialOpeningAnotherParticipantsRequestIsRecordedAsRefused() throws Exception {
		String reference = new RequestExamples(this.context).submitted(Visitor.REQUESTER.email());
		Browser browser = Browser.firefoxOnWindows();
		MockHttpServletResponse response = this.mvc
			.perform(get("/requests/" + reference).with(signedIn(this.people.loadUserByUsername(AuthorizationTableTests.OFFICIAL_OF_ANOTHER_PARTICIPANT)))
				.with(browser))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(404);

		List<Map<String, Object>> lines = linesOf(browser);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).containsEntry("kind", "ACCESS_DENIED")
			.containsEntry("account_email", AuthorizationTableTests.OFFICIAL_OF_ANOTHER_PARTICIPANT)
			.containsEntry("account_id", accountId(AuthorizationTableTests.OFFICIAL_OF_ANOTHER_PARTICIPANT))
			.containsEntry("ip", browser.ip())
			.containsEntry("path", "/requests/" + reference)
			.containsEntry("detail", "GET 404");
	}

	@Test
	void aProviderRefusedAStepOfAMatchByTheControllerIsRecorded() throws Exception {
		Browser browser = Browser.firefoxOnWindows();
		MatchExamples matches = new MatchExamples(this.context);
		long match = matches.accepted();
		MockHttpServletResponse response = this.mvc
			.perform(post("/matches/" + match + "/confirm").param("version", String.valueOf(matches.versionOf(match)))
				.with(csrf())
				.with(Visitor.PROVIDER.as(this.people))
				.with(browser))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);

		assertThat(linesOf(browser)).singleElement()
			.satisfies(line -> assertThat(line).containsEntry("kind", "ACCESS_DENIED")
				.containsEntry("account_email", Visitor.PROVIDER.email())
				.containsEntry("detail", "POST 403"));
	}

	@Test
	void adminsFilterTheTrailByAccountKindAndDay() throws Exception {
		String email = NewAccounts.registerRequester(this.mvc, "filters");
		Browser browser = Browser.firefoxOnWindows();
		this.mvc.perform(signIn(browser, email, "wrong-for-the-filters")).andReturn();
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

		String page = adminPage("?account=" + email.toUpperCase(Locale.ROOT) + "&kind=SIGN_IN_FAILED&day=" + today);
		assertThat(page).contains(email, browser.ip(), "Sign-in failed", "Firefox on Windows", "BAD_CREDENTIALS");
		assertThat(adminPage("?account=" + email)).contains(browser.ip());
		assertThat(adminPage("?account=" + email + "&kind=SIGNED_IN")).doesNotContain(browser.ip())
			.contains("No security event matches these filters.");
		assertThat(adminPage("?account=" + email + "&day=" + yesterday)).doesNotContain(browser.ip());
		assertThat(adminPage("?account=other-" + email)).doesNotContain(browser.ip());

		String wrongDay = adminPage("?account=" + email + "&day=4%2F12%2F2026");
		assertThat(wrongDay).contains("There is a problem", "Enter the day as year-month-day", "aria-invalid=\"true\"",
				browser.ip());
	}

	@Test
	void aLongTrailIsShownFiftyLinesAPageNewestFirstAndTheNextPageKeepsTheFilters() throws Exception {
		String email = "paged-" + System.nanoTime() + "@example.org";
		for (int line = 0; line <= 50; line++) {
			this.events.record(SecurityEventKind.SIGN_IN_FAILED, email, null, "line " + line);
		}

		String first = adminPage("?account=" + email);
		assertThat(first).contains("<td>line 50</td>", "<td>line 1</td>", "Page 1 of 2")
			.doesNotContain("<td>line 0</td>")
			.contains("account=" + email + "&amp;page=1");
		String second = adminPage("?account=" + email + "&page=1");
		assertThat(second).contains("<td>line 0</td>", "Page 2 of 2").doesNotContain("<td>line 1</td>");
	}

	@Test
	void theTrailIsForAdminsOnly() throws Exception {
		for (Visitor visitor : List.of(Visitor.REQUESTER, Visitor.PROVIDER, Visitor.COORDINATOR)) {
			int status = this.mvc.perform(get("/admin/security").with(visitor.as(this.people)))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("GET /admin/security as %s", visitor).isEqualTo(403);
		}
		String home = this.mvc.perform(get("/admin").with(Visitor.ADMIN.as(this.people)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("href=\"/admin/security\"");
		String coordinatorsHome = this.mvc.perform(get("/admin").with(Visitor.COORDINATOR.as(this.people)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(coordinatorsHome).doesNotContain("/admin/security");
	}

	@Test
	void aPersonsLatestEventsComeNewestFirstAndShowInTheirFragment() throws Exception {
		String email = NewAccounts.registerRequester(this.mvc, "own-events");
		Browser browser = Browser.firefoxOnWindows();
		this.mvc.perform(signIn(browser, email, "wrong-once")).andReturn();
		this.mvc.perform(signIn(browser, email, NewAccounts.PASSWORD)).andReturn();

		List<SecurityEventView> latest = this.events.latestOf(email.toUpperCase(Locale.ROOT), 10);
		assertThat(latest).extracting(SecurityEventView::kind)
			.containsExactly(SecurityEventKind.SIGNED_IN, SecurityEventKind.SIGN_IN_FAILED);
		assertThat(this.events.latestOf(email, 1)).hasSize(1);

		Context model = new Context(Locale.FRENCH, Map.of("events", latest));
		String fragment = this.templates.process("audit/security-events", Set.of("list(events)"), model);
		assertThat(fragment).contains("Activité récente de votre compte", "Connexion échouée", "Firefox sous Windows",
				browser.ip());
	}

	@Test
	void theTrailAndTheDecisionLogRefuseChangesFromThePortalsOwnConnection() {
		this.events.record(SecurityEventKind.SESSIONS_ENDED, "append-only@example.org", null, "test");
		long line = this.jdbc.queryForObject("select max(id) from security_event", Long.class);
		long decision = this.jdbc.queryForObject("select min(id) from decision_log", Long.class);
		for (String statement : List.of("update security_event set detail = 'changed' where id = " + line,
				"delete from security_event where id = " + line, "truncate security_event",
				"update decision_log set reason = 'changed' where id = " + decision,
				"delete from decision_log where id = " + decision, "truncate decision_log")) {
			// rolled back whatever happens, so that a missing protection cannot cost other tests their data
			assertThatThrownBy(() -> this.transactions.executeWithoutResult(status -> {
				status.setRollbackOnly();
				this.jdbc.execute(statement);
			})).as(statement)
				.isInstanceOfSatisfying(DataAccessException.class,
						refused -> assertThat(refused.getMostSpecificCause().getMessage()).contains("is append-only"));
		}
		assertThat(this.jdbc.queryForObject("select detail from security_event where id = ?", String.class, line))
			.isEqualTo("test");
		assertThat(this.jdbc.queryForObject("select count(*) from decision_log where id = ?", Long.class, decision))
			.isEqualTo(1L);
	}

	private String adminPage(String query) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/admin/security" + query).accept(MediaType.TEXT_HTML).with(Visitor.ADMIN.as(this.people)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("GET /admin/security%s", query).isEqualTo(200);
		return response.getContentAsString();
	}

	private static MockHttpServletRequestBuilder signIn(Browser browser, String email, String password) {
		return post("/login").with(csrf()).with(browser).param("email", email).param("password", password);
	}

	private List<Map<String, Object>> linesOf(Browser browser) {
		return this.jdbc.queryForList("""
				select kind, account_email, account_id, ip, user_agent, path, detail
				from security_event where user_agent = ? order by id""", browser.userAgent());
	}

	private Long accountId(String email) {
		return this.jdbc.queryForObject("select id from account where email = ?", Long.class, email);
	}
}
