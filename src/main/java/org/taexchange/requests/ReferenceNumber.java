package org.taexchange.requests;

import java.util.regex.Pattern;

/** A request's reference, e.g. {@code TA-2026-0042}: the year and a sequence without gaps in that year. */
public record ReferenceNumber(String value) {

	private static final Pattern SHAPE = Pattern.compile("TA-\\d{4}-\\d{4,}");

	public ReferenceNumber {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a request reference: " + value);
		}
	}

	static ReferenceNumber of(int year, int sequence) {
		return new ReferenceNumber("TA-%04d-%04d".formatted(year, sequence));
	}

	static boolean isValid(String value) {
		return value != null && SHAPE.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}
}
