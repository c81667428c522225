package org.taexchange.offers;

import java.util.regex.Pattern;

/** An offer's reference, e.g. {@code OF-2026-0007}: the year and a sequence without gaps in that year. */
public record OfferReference(String value) {

	private static final Pattern SHAPE = Pattern.compile("OF-\\d{4}-\\d{4,}");

	public OfferReference {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an offer reference: " + value);
		}
	}

	static OfferReference of(int year, int sequence) {
		return new OfferReference("OF-%04d-%04d".formatted(year, sequence));
	}

	static boolean isValid(String value) {
		return value != null && SHAPE.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}
}
