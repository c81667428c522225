package org.taexchange.support;

import java.time.Duration;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until the listeners of events just published have run: no publication of the last 20 seconds
 * is still waiting or being processed (a failed one has its own status and does not count; older ones
 * may belong to a test application context that was closed with its events in flight, since all
 * contexts share the test database).
 * Statement counts and mail checks start only then, so that a listener running on another thread
 * does not show up in them.
 */
public final class EventsSettled {

	private EventsSettled() {
	}

	public static void await(ApplicationContext context) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
					+ " and (status is null or status <> 'FAILED') and publication_date > now() - interval '20 seconds'",
					Long.class) == 0);
	}
}
