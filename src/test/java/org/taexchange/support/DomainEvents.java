package org.taexchange.support;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.test.util.ReflectionTestUtils;

/** Reads the events an aggregate has registered and not yet published. */
public final class DomainEvents {

	private DomainEvents() {
	}

	public static <T> List<T> of(AbstractAggregateRoot<?> aggregate, Class<T> type) {
		Collection<?> events = ReflectionTestUtils.invokeMethod(aggregate, "domainEvents");
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}
}
