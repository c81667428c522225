package org.taexchange.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sequences without gaps, one per kind of reference (TA, OF) and year. The year's counter row
 * stays locked until the calling transaction ends: a submission that rolls back gives its number
 * back, and two submissions at once get consecutive numbers.
 */
@Component
public class ReferenceCounter {

	private final JdbcClient jdbc;

	ReferenceCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public int next(String kind, int year) {
		return this.jdbc.sql("""
				insert into reference_counter (kind, year, last_value) values (:kind, :year, 1)
				on conflict (kind, year) do update set last_value = reference_counter.last_value + 1
				returning last_value""").param("kind", kind).param("year", year).query(Integer.class).single();
	}
}
