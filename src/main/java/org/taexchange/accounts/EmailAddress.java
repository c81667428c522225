package org.taexchange.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased; it identifies an account. */
record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

	static final int MAX_LENGTH = 254;

	EmailAddress {
		if (value == null) {
			throw new IllegalArgumentException("An email address is required");
		}
		value = value.strip().toLowerCase(Locale.ROOT);
		if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an email address: " + value);
		}
	}

	static boolean isValid(String value) {
		if (value == null) {
			return false;
		}
		String candidate = value.strip();
		return candidate.length() <= MAX_LENGTH && SHAPE.matcher(candidate).matches();
	}
}
