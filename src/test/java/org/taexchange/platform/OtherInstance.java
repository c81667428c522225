package org.taexchange.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;

import org.taexchange.platform.RateLimitSettings.Allowance;
import org.taexchange.platform.RateLimits.Limit;

/**
 * Another instance of the portal's rate limiter over the same PostgreSQL tables, with one small
 * allowance for every limit. The suite runs with limits too high to meet (so that no test meets
 * one by accident); a test that means to meet one uses a key of its own (a fresh address, IP or
 * account) and takes from its bucket here first. The bucket is created with this small allowance
 * and keeps it, so the application then counts the key against that allowance: shared buckets, as
 * between two instances of the portal.
 */
public final class OtherInstance {

	private final RateLimits limits;

	public OtherInstance(ApplicationContext context, int capacity, Duration period) {
		this(context.getBean(DataSource.class), capacity, period);
	}

	OtherInstance(DataSource dataSource, int capacity, Duration period) {
		this.limits = new RateLimits(dataSource, everyLimit(new Allowance(capacity, period)));
	}

	/**
	 * Takes attempts from the bucket of a limit ({@code app.rate-limits.} name, e.g.
	 * {@code sign-in-per-address}) for a key (an address in lower case, an IP, an account's email).
	 */
	public void take(String limitName, String key, int attempts) {
		for (int i = 0; i < attempts; i++) {
			if (take(limit(limitName), key).isPresent()) {
				throw new IllegalStateException("The allowance of " + limitName + " was used up at attempt " + (i + 1));
			}
		}
	}

	/** Takes one attempt: empty if allowed, else how long to wait. */
	Optional<Duration> take(Limit limit, String key) {
		return this.limits.take(limit, key);
	}

	RateLimits limits() {
		return this.limits;
	}

	static RateLimitSettings everyLimit(Allowance allowance) {
		return new RateLimitSettings(allowance, allowance, allowance, allowance, allowance, allowance, allowance,
				allowance);
	}

	private static Limit limit(String name) {
		return Arrays.stream(Limit.values())
			.filter(limit -> limit.propertyName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No rate limit named " + name));
	}
}
