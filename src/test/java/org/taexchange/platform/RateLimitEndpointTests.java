package org.taexchange.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;
import org.taexchange.support.SignedIn;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The limits at the endpoints, through the real security filters: past a limit the answer is 429
 * with Retry-After, and the request goes no further (no password checked, no account, no mail).
 * The suite's own limits are too high to meet; each test takes from the buckets of an address or
 * IP of its own through {@link OtherInstance}, a second limiter with a small allowance, and the
 * application then counts against that allowance.
 */
@IntegrationTest
class RateLimitEndpointTests {

	private static final String WRONG = "not the pass phrase of this account";

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void signInPastTheLimitOfAnAddressIsRefusedWithoutCheckingThePassword() throws Exception {
		String email = new Registrations(this.context).official("limits.signin", "SL", "National Minerals Agency");
		new OtherInstance(this.context, 3, Duration.ofHours(1)).take("sign-in-per-address", email, 1);

		this.mvc.perform(signIn(email, WRONG)).andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(signIn(email, WRONG)).andExpect(redirectedUrl("/login?error"));
		MvcResult refused = this.mvc.perform(signIn(email, WRONG))
			.andExpect(status().isTooManyRequests())
			.andReturn();
		// three an hour: one comes back every twenty minutes
		assertThat(retryAfter(refused)).isBetween(1L, 1200L);
		assertThat((Long) refused.getRequest().getAttribute(RateLimitFilter.RETRY_AFTER_MINUTES))
			.isEqualTo((retryAfter(refused) + 59) / 60);

		MvcResult rightPassword = this.mvc.perform(signIn(email, Registrations.PASSWORD))
			.andExpect(status().isTooManyRequests())
			.andReturn();
		assertThat(signedIn(rightPassword)).as("signed in despite the limit").isFalse();
		assertThat(this.jdbc.queryForObject("select failed_sign_ins from account where email = ?", Integer.class,
				email))
			.as("wrong passwords the portal checked")
			.isEqualTo(2);

		// an address of its own, from the same IP (127.0.0.1), is not held back
		this.mvc.perform(signIn(RateLimitsTests.uniqueEmail("signin-other"), WRONG))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void signInPastTheLimitOfAnIpIsRefusedWhileAnotherIpSignsIn() throws Exception {
		String ip = RateLimitsTests.uniqueIp();
		new OtherInstance(this.context, 3, Duration.ofMinutes(15)).take("sign-in-per-ip", ip, 3);

		this.mvc.perform(signIn(RateLimitsTests.uniqueEmail("ip"), WRONG).with(from(ip)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(signIn(RateLimitsTests.uniqueEmail("ip"), WRONG).with(from(RateLimitsTests.uniqueIp())))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void registrationPastTheLimitOfAnIpCreatesNoAccountAndSendsNoMail() throws Exception {
		String ip = RateLimitsTests.uniqueIp();
		new OtherInstance(this.context, 10, Duration.ofHours(1)).take("registration-per-ip", ip, 10);
		String email = RateLimitsTests.uniqueEmail("register-ip");

		MvcResult refused = this.mvc.perform(registration(email).with(from(ip)))
			.andExpect(status().isTooManyRequests())
			.andReturn();
		assertThat(retryAfter(refused)).isBetween(300L, 360L);
		assertNothingStoredFor(email);

		// the same form from another IP goes through: only the limit stood in the way
		this.mvc.perform(registration(email).with(from(RateLimitsTests.uniqueIp())))
			.andExpect(redirectedUrl("/registered"));
		assertThat(accounts(email)).isOne();
		TestMailServer.awaitMail(email, 1);
	}

	@Test
	void registrationPastTheLimitOfAnAddressCreatesNoAccountAndSendsNoMail() throws Exception {
		String email = RateLimitsTests.uniqueEmail("register-address");
		new OtherInstance(this.context, 3, Duration.ofHours(1)).take("registration-per-address", email, 3);

		this.mvc.perform(registration(email).with(from(RateLimitsTests.uniqueIp())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		assertNothingStoredFor(email);
	}

	@Test
	void verificationPastTheLimitOfAnIpIsRefusedWhileAnotherIpGetsItsAnswer() throws Exception {
		String ip = RateLimitsTests.uniqueIp();
		new OtherInstance(this.context, 1, Duration.ofHours(1)).take("verification-per-ip", ip, 1);

		MvcResult refused = this.mvc.perform(post("/verify").with(csrf()).param("token", "not-a-token").with(from(ip)))
			.andExpect(status().isTooManyRequests())
			.andReturn();
		assertThat(retryAfter(refused)).isBetween(3000L, 3600L);
		assertThat((Long) refused.getRequest().getAttribute(RateLimitFilter.RETRY_AFTER_MINUTES))
			.isEqualTo((retryAfter(refused) + 59) / 60);
		this.mvc
			.perform(post("/verify").with(csrf()).param("token", "not-a-token").with(from(RateLimitsTests.uniqueIp())))
			.andExpect(redirectedUrl("/verify?failed"));
	}

	@Test
	void fiftySignInsRefusedForOneAddressMakeOneLineOfTheSecurityTrail() throws Exception {
		String email = RateLimitsTests.uniqueEmail("flood");
		new OtherInstance(this.context, 1, Duration.ofHours(1)).take("sign-in-per-address", email, 1);

		// from fifty addresses, so that only the address's limit refuses them
		for (int attempt = 0; attempt < 50; attempt++) {
			this.mvc.perform(signIn(email, WRONG).with(from(RateLimitsTests.uniqueIp())).header("User-Agent", "flood/1.0"))
				.andExpect(status().isTooManyRequests());
		}

		List<Map<String, Object>> lines = this.jdbc.queryForList(
				"select kind, account_id, ip, user_agent, path, detail from security_event where account_email = ?",
				email);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).containsEntry("kind", "RATE_LIMITED")
			.containsEntry("account_id", null)
			.containsEntry("user_agent", "flood/1.0")
			.containsEntry("path", "/login")
			.containsEntry("detail", "sign-in-per-address");
		assertThat((String) lines.get(0).get("ip")).startsWith("2001:db8::");
		assertThat(this.jdbc.queryForObject("select count(*) from security_event where detail = ? and user_agent = ?",
				Integer.class, WRONG, "flood/1.0"))
			.as("the password typed")
			.isZero();
	}

	@Test
	void anUploadRefusedForASignedInAccountIsRecordedWithTheAccount() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String email = registrations.official("limits.upload", "SL", "National Minerals Agency");
		registrations.approve(email);
		UserDetails official = this.context.getBean(UserDetailsService.class).loadUserByUsername(email);
		new OtherInstance(this.context, 1, Duration.ofHours(1)).take("uploads-per-account", email, 1);

		for (int attempt = 0; attempt < 3; attempt++) {
			this.mvc
				.perform(multipart("/requests/drafts/1/attachments")
					.file(new MockMultipartFile("file", "a.pdf", "application/pdf", new byte[] { 1 }))
					.with(csrf())
					.with(SignedIn.signedIn(official)))
				.andExpect(status().isTooManyRequests());
		}

		assertThat(this.jdbc.queryForList(
				"select kind, account_id, detail from security_event where account_email = ? and kind = 'RATE_LIMITED'",
				email))
			.containsExactly(Map.of("kind", "RATE_LIMITED", "account_id",
					this.jdbc.queryForObject("select id from account where email = ?", Long.class, email), "detail",
					"uploads-per-account"));
	}

	private void assertNothingStoredFor(String email) {
		assertThat(accounts(email)).as("accounts of %s", email).isZero();
		// the registration mail is sent before the answer (a refused mail is reported on the form)
		assertThat(TestMailServer.mailsTo(email)).as("mails to %s", email).isEmpty();
	}

	private int accounts(String email) {
		return this.jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email);
	}

	private static MockHttpServletRequestBuilder signIn(String email, String password) {
		return post("/login").with(csrf()).param("email", email).param("password", password);
	}

	private static MockHttpServletRequestBuilder registration(String email) {
		return post("/register").with(csrf())
			.param("accountType", "REQUESTER")
			.param("fullName", "Mariama Sesay")
			.param("email", email)
			.param("password", Registrations.PASSWORD)
			.param("passwordConfirmation", Registrations.PASSWORD)
			.param("language", "en")
			.param("participantCode", "SL")
			.param("position", "Licensing officer")
			.param("authority", "National Minerals Agency");
	}

	private static RequestPostProcessor from(String ip) {
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	private static long retryAfter(MvcResult result) {
		return Long.parseLong(result.getResponse().getHeader("Retry-After"));
	}

	private static boolean signedIn(MvcResult result) {
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		return session != null
				&& session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
	}
}
