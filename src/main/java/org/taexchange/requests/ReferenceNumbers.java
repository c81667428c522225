package org.taexchange.requests;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out reference numbers without gaps. The year's counter row stays locked until the
 * submitting transaction ends: a submission that rolls back gives its number back, and two
 * submissions at once get consecutive numbers.
 */
@Component
class ReferenceNumbers {

	private final JdbcClient jdbc;

	ReferenceNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	ReferenceNumber next(int year) {
		int sequence = this.jdbc.sql("""
				insert into reference_counter (kind, year, last_value) values ('TA', :year, 1)
				on conflict (kind, year) do update set last_value = reference_counter.last_value + 1
				returning last_value""").param("year", year).query(Integer.class).single();
		return ReferenceNumber.of(year, sequence);
	}
}
