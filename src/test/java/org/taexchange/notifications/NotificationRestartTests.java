package org.taexchange.notifications;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.taexchange.TaExchangeApplication;
import org.taexchange.matching.MatchExamples;
import org.taexchange.support.EventsSettled;
import org.taexchange.support.TestDatabaseConfiguration;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal stops between an event and its mail, and starts again: the mail goes out once. Two real
 * instances of the application on the test database, one after the other; the first is stopped while
 * the listener that makes the notification is held up by a lock on the notification table.
 */
class NotificationRestartTests {

	private static ConfigurableApplicationContext start(String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		Stream.concat(Stream.of(TestMailServer.settings()), Stream.of(settings)).forEach(s -> arguments.add("--" + s));
		return new SpringApplicationBuilder(TaExchangeApplication.class, TestDatabaseConfiguration.class)
			.run(arguments.toArray(String[]::new));
	}

	@Test
	void aMailCaughtByAStopIsSentOnceAfterTheRestart() throws Exception {
		long id;
		String request;
		// stopped without waiting the usual 30 s for the held-up listener
		ConfigurableApplicationContext before = start("spring.lifecycle.timeout-per-shutdown-phase=1s");
		JdbcConnectionDetails database = before.getBean(JdbcConnectionDetails.class);
		try (Connection lock = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
				database.getPassword())) {
			MatchExamples examples = new MatchExamples(before);
			id = examples.approved();
			request = before.getBean(JdbcTemplate.class)
				.queryForObject("select request_reference from request_match where id = ?", String.class, id);
			EventsSettled.await(before);

			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("lock table notification in access exclusive mode");
				examples.accept(id);
				// the listener is on its way: it waits for the lock
				await().atMost(Duration.ofSeconds(30))
					.until(() -> count(statement, "select count(*) from pg_locks where not granted"
							+ " and relation = 'notification'::regclass") > 0);
				before.close();
				// the stopped instance's connection goes with its process: the listener never finishes
				count(statement, "select count(pg_terminate_backend(pid)) from pg_locks where not granted"
						+ " and relation = 'notification'::regclass");
				// the stop caught it: no notification yet, and the event's publication is not completed
				assertThat(count(statement, "select count(*) from notification where dedupe_key like 'MatchAccepted:"
						+ id + ":%'")).isZero();
				assertThat(count(statement, "select count(*) from event_publication where completion_date is null"
						+ " and event_type like '%MatchAccepted' and (serialized_event::jsonb ->> 'matchId')::bigint = "
						+ id)).isEqualTo(1);
			}
			lock.rollback();
			try (Statement statement = lock.createStatement()) {
				assertThat(count(statement, "select count(*) from notification where dedupe_key like 'MatchAccepted:"
						+ id + ":%'")).as("nobody made it after the lock").isZero();
			}
		}
		finally {
			before.close();
		}

		ConfigurableApplicationContext after = start();
		try {
			JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);
			// the start handed the event over again, and its notification was made
			// (one notification per approved official of Sierra Leone; other tests approve more of them)
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("select count(*) from notification n join account a on a.id = n.recipient_id"
						+ " where n.dedupe_key like ? and a.email = ?", Long.class, "MatchAccepted:" + id + ":%",
						MatchExamples.OFFICIAL) == 1);
			MailRoom mailRoom = after.getBean(MailRoom.class);
			mailRoom.sendDue();
			mailRoom.sendDue();
			assertThat(TestMailServer.mailsTo(MatchExamples.OFFICIAL).stream().map(TestMailServer::subject).filter(s -> s.startsWith("An offer for request " + request + ":"))).hasSize(1);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
						+ " and event_type like '%MatchAccepted' and (serialized_event::jsonb ->> 'matchId')::bigint = ?",
						Long.class, id) == 0);
		}
		finally {
			after.close();
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}
}
