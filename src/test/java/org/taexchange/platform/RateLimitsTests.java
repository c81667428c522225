package org.taexchange.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

import org.taexchange.platform.RateLimitSettings.Allowance;
import org.taexchange.platform.RateLimits.Limit;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The limiter on its own, over the real PostgreSQL table: what it counts, by what, how long it asks
 * to wait, and that two instances of the portal count against the same buckets. Each test uses
 * addresses and IPs of its own, and limiters of its own with small allowances.
 */
@IntegrationTest
class RateLimitsTests {

	private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

	private static final AtomicLong IPS = new AtomicLong(System.nanoTime() & 0xffffffffL);

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theAttemptAfterTheAllowanceIsRefusedWithTheTimeUntilTheNextOne() {
		OtherInstance portal = new OtherInstance(this.dataSource, 3, QUARTER_HOUR);
		String email = uniqueEmail("allowance");
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(portal.take(Limit.SIGN_IN_PER_ADDRESS, email)).as("attempt %d", attempt).isEmpty();
		}
		Optional<Duration> wait = portal.take(Limit.SIGN_IN_PER_ADDRESS, email);
		// three per quarter of an hour come back one every five minutes
		assertThat(wait).hasValueSatisfying(
				duration -> assertThat(duration).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
	}

	@Test
	void twoInstancesOfThePortalCountAgainstOneBucketInPostgreSQL() {
		OtherInstance first = new OtherInstance(this.dataSource, 3, QUARTER_HOUR);
		OtherInstance second = new OtherInstance(this.dataSource, 3, QUARTER_HOUR);
		String ip = uniqueIp();

		assertThat(first.take(Limit.SIGN_IN_PER_IP, ip)).isEmpty();
		assertThat(first.take(Limit.SIGN_IN_PER_IP, ip)).isEmpty();
		assertThat(second.take(Limit.SIGN_IN_PER_IP, ip)).as("the third attempt, on the other instance").isEmpty();

		assertThat(second.take(Limit.SIGN_IN_PER_IP, ip)).as("the fourth, on the other instance").isPresent();
		assertThat(first.take(Limit.SIGN_IN_PER_IP, ip)).as("the fourth, on the first instance").isPresent();
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket where id = ?", Integer.class,
				RateLimits.bucketId(Limit.SIGN_IN_PER_IP, ip)))
			.isOne();
	}

	@Test
	void aPasswordResetIsCountedPerAddressAndPerIpAndAnotherAddressOrIpIsUnaffected() {
		RateLimits limits = limiter(new Allowance(2, QUARTER_HOUR), new Allowance(4, QUARTER_HOUR));
		String ip = uniqueIp();
		String email = uniqueEmail("reset");

		assertThat(limits.admit(forgot(email, ip))).isEmpty();
		assertThat(limits.admit(forgot(email, ip))).isEmpty();
		assertThat(limits.admit(forgot(email, ip))).as("a third mail to the same address").isPresent();
		assertThat(limits.admit(forgot(email, uniqueIp()))).as("the same address from elsewhere").isPresent();

		assertThat(limits.admit(forgot(uniqueEmail("reset-other"), ip))).as("another address, same IP").isEmpty();
		assertThat(limits.admit(forgot(uniqueEmail("reset-third"), ip)))
			.as("a fifth attempt from the IP, counting the refused one")
			.isPresent();
		assertThat(limits.admit(forgot(uniqueEmail("reset-fourth"), uniqueIp()))).as("another IP").isEmpty();
	}

	@Test
	void anAddressCountsTheSameHoweverItIsTyped() {
		RateLimits limits = limiter(new Allowance(1, QUARTER_HOUR), new Allowance(100, QUARTER_HOUR));
		String email = uniqueEmail("typed");

		assertThat(limits.admit(post("/register", email, uniqueIp()))).isEmpty();
		assertThat(limits.admit(post("/register", "  " + email.toUpperCase() + " ", uniqueIp()))).isPresent();
	}

	@Test
	void theBucketTableHoldsADigestOfTheAddressNeverTheAddress() {
		RateLimits limits = limiter(new Allowance(5, QUARTER_HOUR), new Allowance(5, QUARTER_HOUR));
		String email = uniqueEmail("digest");
		String ip = uniqueIp();

		limits.admit(post("/login", email, ip));

		List<String> ids = this.jdbc.queryForList("select id from rate_limit_bucket where id in (?, ?)", String.class,
				RateLimits.bucketId(Limit.SIGN_IN_PER_ADDRESS, email), RateLimits.bucketId(Limit.SIGN_IN_PER_IP, ip));
		assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).matches("sign-in-per-(address|ip):[A-Za-z0-9_-]{43}"));
		String localPart = email.substring(0, email.indexOf('@'));
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket where id like ? or id like ?",
				Integer.class, "%" + localPart + "%", "%" + ip + "%"))
			.isZero();
	}

	@Test
	void onlyThePostsOfTheLimitedEndpointsAreCounted() {
		RateLimits limits = limiter(new Allowance(1, QUARTER_HOUR), new Allowance(1, QUARTER_HOUR));
		String ip = uniqueIp();
		String email = uniqueEmail("posts");
		assertThat(limits.admit(post("/login", email, ip))).isEmpty();
		assertThat(limits.admit(post("/login", email, ip))).isPresent();

		MockHttpServletRequest page = post("/login", email, ip);
		page.setMethod("GET");
		assertThat(limits.admit(page)).as("the sign-in page").isEmpty();
		assertThat(limits.admit(post("/logout", email, ip))).isEmpty();
		assertThat(limits.admit(post("/requests/new", email, ip))).isEmpty();
		assertThat(limits.admit(post("/register", email, ip))).as("registration has limits of its own").isEmpty();
	}

	@Test
	void uploadsAreCountedPerSignedInAccountAndNotForAVisitor() {
		RateLimits limits = limiter(new Allowance(1, QUARTER_HOUR), new Allowance(1, QUARTER_HOUR));
		MockHttpServletRequest upload = post("/requests/drafts/42/attachments", null, uniqueIp());
		// nobody signed in: the security rules refuse the upload, the limit does not count it
		assertThat(limits.admit(upload)).isEmpty();
		assertThat(limits.admit(upload)).isEmpty();
	}

	@Test
	void bucketsThatAreFullAgainAreRemoved() {
		OtherInstance portal = new OtherInstance(this.dataSource, 1, Duration.ofMillis(200));
		String ip = uniqueIp();
		String id = RateLimits.bucketId(Limit.VERIFICATION_PER_IP, ip);
		assertThat(portal.take(Limit.VERIFICATION_PER_IP, ip)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket where id = ?", Integer.class, id))
			.isOne();

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			portal.limits().removeFullBuckets();
			assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket where id = ?", Integer.class,
					id))
				.isZero();
		});
	}

	private RateLimits limiter(Allowance perAddress, Allowance perIp) {
		return new RateLimits(this.dataSource, new RateLimitSettings(perAddress, perIp, perAddress, perIp, perAddress,
				perIp, perIp, perAddress));
	}

	private static MockHttpServletRequest forgot(String email, String ip) {
		return post("/password/forgot", email, ip);
	}

	private static MockHttpServletRequest post(String path, String email, String ip) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setServletPath(path);
		request.setRemoteAddr(ip);
		if (email != null) {
			request.addParameter("email", email);
		}
		return request;
	}

	static String uniqueEmail(String who) {
		return "limits-" + who + "-" + System.nanoTime() + "@example.org";
	}

	/** An address of the IPv6 documentation range, different every time. */
	static String uniqueIp() {
		long n = IPS.incrementAndGet();
		return String.format("2001:db8::%x:%x", (n >>> 16) & 0xffff, n & 0xffff);
	}
}
