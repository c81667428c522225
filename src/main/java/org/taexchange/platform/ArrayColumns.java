package org.taexchange.platform;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/** Queries on PostgreSQL array columns (text[]) that the modules' lists filter by. */
public final class ArrayColumns {

	private ArrayColumns() {
	}

	/**
	 * The array holds the element. array_position takes a text[] and a varchar alike, where the
	 * containment operator would not; through Hibernate it answers 0, not null, for a missing element.
	 * The element, typed by whoever filters a list, goes to the database as a bound parameter, never
	 * as part of the SQL text (JPA's {@code literal} would write it into the statement).
	 */
	public static Predicate holds(CriteriaBuilder cb, Expression<?> array, String element) {
		Expression<String> value = ((HibernateCriteriaBuilder) cb).value(element);
		return cb.greaterThan(cb.function("array_position", Integer.class, array, value), 0);
	}
}
