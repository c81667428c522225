package org.taexchange.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import org.taexchange.platform.RateLimitSettings.Allowance;

/**
 * The rate limits: which form posts are counted, against which buckets, and whether one more is
 * allowed now. Each bucket is a row of {@code rate_limit_bucket} (Bucket4j over PostgreSQL, locked
 * with {@code select ... for update}), so every instance of the portal counts against the same
 * buckets. A bucket's id is the limit's name and a SHA-256 of what it counts, never an address in
 * clear. The first refusal of a limit and key in one period of the limit is told as
 * {@link RateLimited} (the security trail records it); the refusals after it in that period are not.
 *
 * <p>
 * A bucket keeps the allowance it was created with until it is full again and removed (see
 * {@link #removeFullBuckets()}): a changed setting applies to a key once it has been left alone for
 * one period.
 */
@Component
class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	static final String TABLE = "rate_limit_bucket";

	private static final int CLEANUP_BATCH = 1000;

	/** The id prefix of the buckets that tell a limit's refusals once per period. */
	static final String REFUSED = "refused:";

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final RateLimitSettings settings;

	private final List<Rule> rules;

	private final ApplicationEventPublisher events;

	/** A limiter that tells nobody of its refusals (a second instance in tests). */
	RateLimits(DataSource dataSource, RateLimitSettings settings) {
		this(dataSource, settings, event -> {
		});
	}

	@Autowired
	RateLimits(DataSource dataSource, RateLimitSettings settings, ApplicationEventPublisher events) {
		for (Limit limit : Limit.values()) {
			Objects.requireNonNull(limit.allowance.apply(settings),
					() -> "app.rate-limits." + limit.propertyName + " is not set");
		}
		this.settings = settings;
		this.events = events;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			// a full bucket is the same as no bucket: its row may go as soon as it is full again
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
		this.rules = List.of(
				new Rule(HttpMethod.POST, "/login", Counted.by(Limit.SIGN_IN_PER_IP, Counted.IP),
						Counted.by(Limit.SIGN_IN_PER_ADDRESS, Counted.EMAIL)),
				new Rule(HttpMethod.POST, "/register", Counted.by(Limit.REGISTRATION_PER_IP, Counted.IP),
						Counted.by(Limit.REGISTRATION_PER_ADDRESS, Counted.EMAIL)),
				new Rule(HttpMethod.POST, "/password/forgot", Counted.by(Limit.PASSWORD_RESET_PER_IP, Counted.IP),
						Counted.by(Limit.PASSWORD_RESET_PER_ADDRESS, Counted.EMAIL)),
				new Rule(HttpMethod.POST, "/verify", Counted.by(Limit.VERIFICATION_PER_IP, Counted.IP)),
				new Rule(HttpMethod.POST, "/requests/drafts/{id}/attachments",
						Counted.by(Limit.UPLOADS_PER_ACCOUNT, Counted.ACCOUNT)));
	}

	/**
	 * Counts a request against the limits of its endpoint: empty if it may go on (or is not
	 * limited), else how long until one more is allowed. A refused request takes nothing from the
	 * buckets after the one that refused it.
	 */
	Optional<Duration> admit(HttpServletRequest request) {
		for (Rule rule : this.rules) {
			if (rule.matcher().matches(request)) {
				for (Counted counted : rule.counted()) {
					String key = counted.key().apply(request);
					if (key != null) {
						Optional<Duration> wait = take(counted.limit(), key);
						if (wait.isPresent()) {
							log.info("Rate limit {} reached: {} {} refused for {}", counted.limit().propertyName,
									request.getMethod(), request.getRequestURI(), wait.get());
							if (firstRefusalOfPeriod(counted.limit(), key)) {
								this.events.publishEvent(new RateLimited(counted.limit().propertyName,
										Counted.EMAIL.apply(request), request.getMethod() + " " + request.getRequestURI()));
							}
							return wait;
						}
					}
				}
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** Takes one attempt from the bucket of a limit for one key: empty if there was one, else the wait. */
	Optional<Duration> take(Limit limit, String key) {
		Allowance allowance = limit.allowance.apply(this.settings);
		ConsumptionProbe probe = this.buckets.builder()
			.build(bucketId(limit, key), () -> configuration(allowance))
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Whether this refusal is the first of its limit and key in one period of the limit: a bucket of
	 * one, beside the limit's own, refilled once per period. Many refusals in a row are told once.
	 */
	private boolean firstRefusalOfPeriod(Limit limit, String key) {
		Allowance allowance = limit.allowance.apply(this.settings);
		return this.buckets.builder()
			.build(REFUSED + bucketId(limit, key), () -> configuration(new Allowance(1, allowance.period())))
			.tryConsume(1);
	}

	/** Removes the buckets that are full again; several instances may do it at once. */
	@Scheduled(fixedDelayString = "${app.rate-limits.cleanup-interval:PT10M}",
			initialDelayString = "${app.rate-limits.cleanup-interval:PT10M}")
	int removeFullBuckets() {
		int removed = 0;
		int batch;
		do {
			batch = this.buckets.removeExpired(CLEANUP_BATCH);
			removed += batch;
		}
		while (batch == CLEANUP_BATCH);
		if (removed > 0) {
			log.debug("Removed {} rate-limit buckets that were full again", removed);
		}
		return removed;
	}

	static String bucketId(Limit limit, String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return limit.propertyName + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static BucketConfiguration configuration(Allowance allowance) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(allowance.capacity())
				.refillGreedy(allowance.capacity(), allowance.period()))
			.build();
	}

	/** The limits, named as in {@code app.rate-limits.*}. */
	enum Limit {

		SIGN_IN_PER_ADDRESS("sign-in-per-address", RateLimitSettings::signInPerAddress),

		SIGN_IN_PER_IP("sign-in-per-ip", RateLimitSettings::signInPerIp),

		REGISTRATION_PER_ADDRESS("registration-per-address", RateLimitSettings::registrationPerAddress),

		REGISTRATION_PER_IP("registration-per-ip", RateLimitSettings::registrationPerIp),

		PASSWORD_RESET_PER_ADDRESS("password-reset-per-address", RateLimitSettings::passwordResetPerAddress),

		PASSWORD_RESET_PER_IP("password-reset-per-ip", RateLimitSettings::passwordResetPerIp),

		VERIFICATION_PER_IP("verification-per-ip", RateLimitSettings::verificationPerIp),

		UPLOADS_PER_ACCOUNT("uploads-per-account", RateLimitSettings::uploadsPerAccount);

		final String propertyName;

		final Function<RateLimitSettings, Allowance> allowance;

		Limit(String propertyName, Function<RateLimitSettings, Allowance> allowance) {
			this.propertyName = propertyName;
			this.allowance = allowance;
		}
	}

	/** The posts to one endpoint, counted against each of these limits in turn. */
	private record Rule(RequestMatcher matcher, List<Counted> counted) {

		Rule(HttpMethod method, String pattern, Counted... counted) {
			this(PathPatternRequestMatcher.withDefaults().matcher(method, pattern), List.of(counted));
		}
	}

	/** A limit and what it counts by; a request without that (no email, nobody signed in) is not counted by it. */
	private record Counted(Limit limit, Function<HttpServletRequest, String> key) {

		/** The email address typed, as the portal stores it: trimmed, in lower case. */
		static final Function<HttpServletRequest, String> EMAIL = request -> {
			String email = request.getParameter("email");
			return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
		};

		/** The client's address, as the servlet container sees it (the proxy's, unless forwarded headers are trusted). */
		static final Function<HttpServletRequest, String> IP = HttpServletRequest::getRemoteAddr;

		/** The signed-in account. */
		static final Function<HttpServletRequest, String> ACCOUNT = request -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication == null || authentication instanceof AnonymousAuthenticationToken
					|| !authentication.isAuthenticated() ? null : authentication.getName();
		};

		static Counted by(Limit limit, Function<HttpServletRequest, String> key) {
			return new Counted(limit, key);
		}
	}
}
