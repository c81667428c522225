package org.taexchange.security;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a person types into a list's filter reaches the database as a bound value, never as SQL:
 * injection payloads in the address of the offer catalogue and of the coordinators' request queue
 * give the list's ordinary page, with nothing in it, and the statements sent carry no trace of them.
 */
@IntegrationTest
class FilterInjectionTests {

	private static final List<String> PAYLOADS = List.of("' OR '1'='1", "x') OR 1=1 --", "'; drop table offer; --",
			"CUSTOMS' UNION SELECT email FROM account --", "$$ OR true $$", "\\' OR 1=1 --",
			"' || (select string_agg(password_hash, ',') from account) || '");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void injectionPayloadsInTheCatalogueFiltersFindNothingAndNeverBecomeSql() throws Exception {
		for (String payload : PAYLOADS) {
			for (String filter : List.of("area", "language")) {
				List<String> statements = sqlOf(() -> {
					MockHttpServletResponse response = this.mvc
						.perform(get("/offers").param(filter, payload).with(Visitor.REQUESTER.as(this.people)))
						.andReturn()
						.getResponse();
					assertThat(response.getStatus()).as("/offers?%s=%s", filter, payload).isEqualTo(200);
					Document page = Jsoup.parse(response.getContentAsString());
					assertThat(page.select(".offer-list li")).as("offers found by %s=%s", filter, payload).isEmpty();
					assertThat(response.getContentAsString()).doesNotContain("$argon2");
				});
				assertNoPayloadIn(statements, "array_position", payload);
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from offer", Integer.class)).isPositive();
	}

	@Test
	void injectionPayloadsInTheRequestQueueFilterFindNothingAndNeverBecomeSql() throws Exception {
		assertThat(this.jdbc.queryForObject("select count(*) from assistance_request where status <> 'DRAFT'",
				Integer.class))
			.as("requests the queue would show unfiltered")
			.isPositive();
		for (String payload : PAYLOADS) {
			List<String> statements = sqlOf(() -> {
				MockHttpServletResponse response = this.mvc
					.perform(get("/admin/requests").param("area", payload).with(Visitor.COORDINATOR.as(this.people)))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("/admin/requests?area=%s", payload).isEqualTo(200);
				Document page = Jsoup.parse(response.getContentAsString());
				assertThat(page.select("table.table tbody tr")).as("requests found by area=%s", payload).isEmpty();
				assertThat(response.getContentAsString()).doesNotContain("$argon2");
			});
			assertNoPayloadIn(statements, "array_position", payload);
		}
	}

	private static void assertNoPayloadIn(List<String> statements, String filtering, String payload) {
		List<String> filtered = statements.stream().filter(sql -> sql.contains(filtering)).toList();
		assertThat(filtered).as("statements that filter by %s", payload).isNotEmpty();
		for (String sql : filtered) {
			assertThat(sql.replace("''", "'")).as("SQL sent for %s", payload).doesNotContain(payload);
			assertThat(sql).as("the filter's value is a bound parameter")
				.containsPattern("array_position\\([^)]*,\\s*\\?\\)");
		}
	}

	/** The SQL Hibernate sends while the action runs, as its statement log writes it. */
	private static List<String> sqlOf(ThrowingAction action) throws Exception {
		Logger log = (Logger) LoggerFactory.getLogger("org.hibernate.SQL");
		Level before = log.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		log.addAppender(appender);
		log.setLevel(Level.DEBUG);
		try {
			action.run();
		}
		finally {
			log.setLevel(before);
			log.detachAppender(appender);
		}
		return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	@FunctionalInterface
	private interface ThrowingAction {

		void run() throws Exception;

	}
}
