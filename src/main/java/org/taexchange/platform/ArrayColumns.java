package org.taexchange.platform;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/** Queries on PostgreSQL array columns (text[]) that the modules' lists filter by. */
public final class ArrayColumns {

	private ArrayColumns() {
	}

	/**
	 * The array holds the element. array_position takes a text[] and a varchar alike, where the
	 * containment operator would not; through Hibernate it answers 0, not null, for a missing element.
	 */
	public static Predicate holds(CriteriaBuilder cb, Expression<?> array, String element) {
		return cb.greaterThan(cb.function("array_position", Integer.class, array, cb.literal(element)), 0);
	}
}
