package org.taexchange.platform;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.taexchange.support.EventsSettled;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database outage is answered within seconds, and what it interrupted is finished once it is over:
 * events whose listener failed are handed over again while the portal runs, and completed
 * publications do not pile up.
 */
@IntegrationTest
class EventPublicationsTests {

	@Autowired
	EventPublications publications;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void theConnectionPoolAndTheDriverGiveUpWithinSeconds() {
		// the test database comes through connection details, as the embedded one does
		HikariDataSource pool = (HikariDataSource) this.dataSource;
		assertThat(pool.getConnectionTimeout()).isEqualTo(3000);
		assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "3")
			.containsEntry("socketTimeout", "30")
			.containsEntry("tcpKeepAlive", "true");
	}

	@Test
	void anEventWhoseListenerFailedIsHandedOverAgainWhileThePortalRuns() {
		EventsSettled.await(this.context);
		// a listener that failed an hour ago (the database was down): its publication is incomplete
		UUID failed = this.jdbc.queryForObject("select id from event_publication where completion_date is not null"
				+ " order by publication_date desc limit 1", UUID.class);
		this.jdbc.update("update event_publication set completion_date = null, status = 'FAILED',"
				+ " publication_date = now() - interval '1 hour' where id = ?", failed);

		this.publications.resubmitIncomplete();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject("select completion_date is not null from event_publication where id = ?",
					Boolean.class, failed));
	}

	@Test
	void completedPublicationsAreDeletedOnceOld() {
		EventsSettled.await(this.context);
		UUID recent = this.jdbc.queryForObject("select id from event_publication where completion_date is not null"
				+ " order by completion_date desc limit 1", UUID.class);
		UUID old = UUID.randomUUID();
		this.jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
				+ " completion_date, status, completion_attempts) select ?, listener_id, event_type, serialized_event,"
				+ " now() - interval '41 days', now() - interval '40 days', status, completion_attempts"
				+ " from event_publication where id = ?", old, recent);

		this.publications.deleteCompleted();

		assertThat(this.jdbc.queryForObject("select count(*) from event_publication where id = ?", Long.class, old))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication where id = ?", Long.class, recent))
			.isOne();
	}
}
