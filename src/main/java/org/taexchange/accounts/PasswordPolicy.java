package org.taexchange.accounts;

/**
 * Passwords: at least 12 and at most 128 characters, any characters. Length is counted in
 * characters as people see them (code points), so pass phrases in any script are welcome.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/** The message key of what is wrong with the password, or {@code null} when it is acceptable. */
	static String problem(String password) {
		if (password == null || password.isEmpty()) {
			return "password.required";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return "password.tooShort";
		}
		if (length > MAX_LENGTH) {
			return "password.tooLong";
		}
		return null;
	}
}
