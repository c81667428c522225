package org.taexchange.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;


/**
 * Waits until the listeners of events already published have run: no publication of the event
 * registry is still in flight (the count of incomplete ones stays the same across several looks).
 * Statement counts and mail checks start only then, so that a listener running on another thread
 * does not show up in them.
 */
public final class EventsSettled {

	private EventsSettled() {
	}

	public static void await(ApplicationContext context) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		AtomicLong last = new AtomicLong(-1);
		AtomicInteger same = new AtomicInteger();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
			long incomplete = jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
					Long.class);
			same.set(incomplete == last.getAndSet(incomplete) ? same.get() + 1 : 0);
			return same.get() >= 4;
		});
	}
}
