package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.audit.DecisionMade;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * A coordinator who lost their phone and their recovery codes: an admin (with a recent code, never
 * for themself, never a coordinator) removes the second factor with a reason; the sessions end, the old
 * codes stop working, the person is told by mail in their language and sets up a new app at the next
 * sign-in. The decision log and the security trail say who did it.
 */
@IntegrationTest
class SecondFactorResetTests {

	private static final String PASSWORD = "a pass phrase for factor reset tests";

	private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	private static final String ADMIN = "admin@example.org";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	SecondFactors secondFactors;

	@Autowired
	AccountUserDetailsService people;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	private String email;

	private long id;

	private List<String> recoveryCodes;

	@BeforeEach
	void aCoordinatorWithAnAuthenticatorApp() {
		this.email = staff(Role.COORDINATOR, Locale.FRENCH);
		this.id = idOf(this.email);
		this.recoveryCodes = enrol(this.id);
	}

	@Test
	void anAdminRemovesTheFactorTheSessionsEndTheOldCodesStopWorkingAndThePersonIsToldInFrench() throws Exception {
		int generation = generationOf(this.id);

		reset(this.id, signedIn(this.people.loadUserByUsername(ADMIN)), "Lost phone; identity checked by a call.")
			.andExpect(redirectedUrl("/admin/accounts/" + this.id));

		assertThat(this.secondFactors.isSetUp(this.id)).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Long.class,
				this.id))
			.isZero();
		assertThat(this.secondFactors.check(this.id, this.recoveryCodes.get(0))).isNotEqualTo(SecondFactors.Outcome.ACCEPTED);
		assertThat(this.secondFactors.check(this.id, TimeBasedCodes.code(SECRET, TimeBasedCodes.step(Instant.now()))))
			.isNotEqualTo(SecondFactors.Outcome.ACCEPTED);
		assertThat(generationOf(this.id)).as("every session of the account ends").isEqualTo(generation + 1);
		assertThat(this.jdbc.queryForList("select actor || ': ' || reason from decision_log where subject_id = ?"
				+ " and action = 'FACTOR_RESET'", String.class, this.email))
			.containsExactly(ADMIN + ": Lost phone; identity checked by a call.");
		assertThat(this.jdbc.queryForList("select detail from security_event where account_email = ? and kind = ?",
				String.class, this.email, "FACTOR_REMOVED"))
			.containsExactly(ADMIN + ": Lost phone; identity checked by a call.");
		var mail = TestMailServer.awaitMail(this.email, 1);
		assertThat(TestMailServer.subject(mail)).isEqualTo("Le second facteur de votre compte TA Exchange a été retiré");
		assertThat(TestMailServer.body(mail)).contains("/login");

		// at the next sign-in, the person sets up a new app before any admin page
		MockHttpSession session = signInWithPassword(this.email);
		assertThat(this.mvc.perform(get("/admin/accounts").session(session)).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/login/code");
		assertThat(this.mvc.perform(get("/login/code").session(session)).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/account/second-factor");
	}

	@Test
	void aCoordinatorThePersonThemselfAndAnAdminForTheirOwnFactorAreRefused() throws Exception {
		reset(this.id, signedIn(this.people.loadUserByUsername("coordinator@example.org")), "Lost phone")
			.andExpect(status().isForbidden());
		reset(this.id, signedIn(this.people.loadUserByUsername(this.email)), "Lost phone")
			.andExpect(status().isForbidden());
		String admin = staff(Role.ADMIN, Locale.ENGLISH);
		long adminId = idOf(admin);
		enrol(adminId);
		reset(adminId, signedIn(this.people.loadUserByUsername(admin)), "I lost my phone")
			.andExpect(status().isForbidden());

		assertThat(this.secondFactors.isSetUp(this.id)).isTrue();
		assertThat(this.secondFactors.isSetUp(adminId)).isTrue();
		assertThat(this.mvc.perform(get("/admin/accounts/" + adminId).with(signedIn(this.people.loadUserByUsername(admin))))
			.andReturn().getResponse().getContentAsString())
			.as("no reset form on one's own account")
			.doesNotContain("reset-factor");
		assertThat(this.mvc.perform(get("/admin/accounts/" + this.id).with(signedIn(this.people.loadUserByUsername(admin))))
			.andReturn().getResponse().getContentAsString())
			.contains("/admin/accounts/" + this.id + "/reset-factor");
	}

	@Test
	void anAdminWhoseCodeIsOlderThanThirtyMinutesIsAskedForANewOneFirst() throws Exception {
		reset(this.id, signedIn(this.people.loadUserByUsername(ADMIN), Instant.now().minus(Duration.ofMinutes(31))),
				"Lost phone")
			.andExpect(redirectedUrl("/login/code"));

		assertThat(this.secondFactors.isSetUp(this.id)).isTrue();
	}

	@Test
	void theReasonIsRequiredAndHoldsAtMostFiveThousandCharacters() throws Exception {
		RequestPostProcessor admin = signedIn(this.people.loadUserByUsername(ADMIN));
		reset(this.id, admin, "  ").andExpect(status().isOk())
			.andExpect(view().name("accounts/admin-account"))
			.andExpect(model().attributeHasFieldErrorCode("factorReset", "reason", "NotBlank"));
		reset(this.id, admin, "r".repeat(DecisionMade.REASON_LENGTH + 1)).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("factorReset", "reason", "Size"));
		assertThat(this.secondFactors.isSetUp(this.id)).isTrue();

		reset(this.id, admin, "r".repeat(DecisionMade.REASON_LENGTH))
			.andExpect(redirectedUrl("/admin/accounts/" + this.id));

		assertThat(this.secondFactors.isSetUp(this.id)).isFalse();
		assertThat(this.jdbc.queryForObject("select length(reason) from decision_log where subject_id = ?"
				+ " and action = 'FACTOR_RESET'", Integer.class, this.email))
			.isEqualTo(DecisionMade.REASON_LENGTH);
	}

	@Test
	void theErrorsOfAnEmptyReasonShowOnTheResetFormOnly() throws Exception {
		MvcResult page = reset(this.id, signedIn(this.people.loadUserByUsername(ADMIN)), "").andReturn();

		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("href=\"#factorResetReason\"").contains("id=\"factorResetReason-error\"");
		assertThat(html.split("class=\"error-summary\"", -1)).as("one error summary").hasSize(2);
	}

	private ResultActions reset(long account, RequestPostProcessor who, String reason) throws Exception {
		String version = String.valueOf(this.accounts.findById(account).orElseThrow().getVersion());
		return this.mvc.perform(post("/admin/accounts/{id}/reset-factor", account).with(who)
			.with(csrf())
			.param("version", version)
			.param("reason", reason));
	}

	private String staff(Role role, Locale language) {
		String address = "factor-reset-" + System.nanoTime() + "@example.org";
		this.accounts.save(Account.staff(new EmailAddress(address), this.passwordEncoder.encode(PASSWORD),
				"Factor Reset Staff", role, language, this.clock));
		return address;
	}

	private List<String> enrol(long account) {
		List<String> codes = this.secondFactors.enrol(account, SECRET,
				TimeBasedCodes.code(SECRET, TimeBasedCodes.step(Instant.now())));
		assertThat(codes).hasSize(10);
		return codes;
	}

	private MockHttpSession signInWithPassword(String address) throws Exception {
		MvcResult result = this.mvc.perform(formLogin("/login").userParameter("email").user(address).password(PASSWORD))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private long idOf(String address) {
		return this.accounts.findByEmail(address).orElseThrow().getId();
	}

	private int generationOf(long account) {
		return this.jdbc.queryForObject("select session_generation from account where id = ?", Integer.class, account);
	}
}
