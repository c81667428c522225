package org.taexchange.platform;

import java.util.Objects;

import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Optimistic locking across a form: the page carries the version it showed, and a change is
 * refused (409, "someone changed this") when the aggregate has moved on since.
 */
public final class Versions {

	private Versions() {
	}

	public static void requireUnchanged(Class<?> type, Object id, Long current, Long shown) {
		if (!Objects.equals(current, shown)) {
			throw new ObjectOptimisticLockingFailureException(type, id);
		}
	}
}
