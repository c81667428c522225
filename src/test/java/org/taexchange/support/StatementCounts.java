package org.taexchange.support;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one page costs in SQL statements, as Hibernate's statistics count them: the request runs once
 * the listeners of earlier steps have finished ({@link EventsSettled}), so that only its own statements
 * are counted.
 */
public final class StatementCounts {

	/** The page's response and the statements Hibernate prepared for it. */
	public record Counted(MvcResult result, long statements) {
	}

	private final ApplicationContext context;

	private final MockMvc mvc;

	private final Statistics statistics;

	public StatementCounts(ApplicationContext context) {
		this.context = context;
		this.mvc = context.getBean(MockMvc.class);
		this.statistics = context.getBean(EntityManagerFactory.class).unwrap(SessionFactory.class).getStatistics();
	}

	/** Runs the request and counts its statements; it must answer 200 and run at least one. */
	public Counted count(RequestBuilder request) throws Exception {
		assertThat(this.statistics.isStatisticsEnabled()).as("Hibernate statistics are on").isTrue();
		EventsSettled.await(this.context);
		this.statistics.clear();
		MvcResult result = this.mvc.perform(request).andReturn();
		long statements = this.statistics.getPrepareStatementCount();
		assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(200);
		assertThat(statements).as("statements counted").isPositive();
		return new Counted(result, statements);
	}
}
