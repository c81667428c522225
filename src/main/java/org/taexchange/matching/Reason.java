package org.taexchange.matching;

import java.util.List;

/**
 * A sentence of an explanation, kept as a message key and its arguments so that each reader sees it in
 * their own language, also years after it was written. An argument is typed by its prefix:
 * {@code n:} a number, {@code area:}, {@code region:}, {@code msg:} one name or message, and
 * {@code area*:}, {@code lang*:}, {@code modality*:}, {@code part*:}, {@code region*:} comma-separated lists.
 */
record Reason(String key, List<String> arguments) {

	Reason {
		arguments = List.copyOf(arguments);
	}

	static Reason of(String key, String... arguments) {
		return new Reason(key, List.of(arguments));
	}
}
