package org.taexchange.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.passay.PasswordData;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

import org.springframework.validation.Errors;

/**
 * Passwords: at least 12 and at most 128 characters, any characters. Length is counted in
 * characters as people see them (code points), so pass phrases in any script are welcome. No
 * composition rules; instead a password is refused, with the reason, when it is among the most
 * used and leaked passwords (as typed, or with digits and symbols around it: {@code password1234}),
 * when it contains the portal's name, or when it is made of the person's name or contains their
 * email address. The list ships with the application ({@code passwords/common-passwords.txt.gz},
 * see the README beside it): no network call.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	/** The portal's name as letters only: {@code TA Exchange}, {@code ta-exchange}, {@code TAexchange}. */
	private static final String PORTAL_NAME = "taexchange";

	/** Names shorter than this are not looked for: "Li" may be in any phrase. */
	private static final int SHORTEST_NAME = 3;

	private PasswordPolicy() {
	}

	/**
	 * The person a password is for: their name and address are the first words someone who targets
	 * them tries.
	 *
	 * @param fullName their name as they gave it, or {@code null}
	 * @param email their address, or {@code null}
	 */
	record Person(String fullName, String email) {

		static final Person UNKNOWN = new Person(null, null);
	}

	/** The message key of what is wrong with the password, or {@code null} when it is acceptable. */
	static String problem(String password) {
		return problem(password, Person.UNKNOWN);
	}

	/**
	 * The message key of what is wrong with this person's password, or {@code null} when it is
	 * acceptable. Keys that take arguments get {@link #MIN_LENGTH} and {@link #MAX_LENGTH}.
	 */
	static String problem(String password, Person person) {
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
		if (isCommon(password)) {
			return "password.common";
		}
		String letters = letters(password);
		if (letters.contains(PORTAL_NAME)) {
			return "password.portalName";
		}
		if (isMadeOfName(letters, person.fullName())) {
			return "password.name";
		}
		if (containsAddress(password, person.email())) {
			return "password.email";
		}
		return null;
	}

	/**
	 * Rejects the password field with the reason it is refused, or the confirmation field when the
	 * two copies differ. For every form where a password is chosen.
	 */
	static void check(String password, String confirmation, Person person, Errors errors) {
		String problem = problem(password, person);
		if (problem != null) {
			errors.rejectValue("password", problem, new Object[] { MIN_LENGTH, MAX_LENGTH }, null);
		}
		else if (!password.equals(confirmation)) {
			errors.rejectValue("passwordConfirmation", "password.mismatch");
		}
	}

	/** On the list as typed, or once the digits, spaces and symbols at its start and end are taken away. */
	static boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		return CommonPasswords.LIST.search(lower) || (!core.isEmpty() && CommonPasswords.LIST.search(core));
	}

	/** How many passwords the bundled list holds. */
	static long commonPasswordCount() {
		return CommonPasswords.LIST.size();
	}

	/**
	 * The whole name in it ({@code fatmatakamara!}), or nothing but parts of the name, digits and
	 * symbols ({@code Kamara-Fatmata-1990}).
	 */
	private static boolean isMadeOfName(String letters, String fullName) {
		if (fullName == null || fullName.isBlank()) {
			return false;
		}
		String wholeName = letters(fullName);
		if (wholeName.length() >= SHORTEST_NAME && letters.contains(wholeName)) {
			return true;
		}
		String rest = letters;
		for (String part : fullName.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
			if (part.length() >= SHORTEST_NAME) {
				rest = rest.replace(part, "");
			}
		}
		return rest.isEmpty() && !letters.isEmpty();
	}

	/** The part of the address before the {@code @}, forwards or backwards (Passay's username rule). */
	private static boolean containsAddress(String password, String email) {
		if (email == null || email.indexOf('@') < 1) {
			return false;
		}
		String mailbox = email.substring(0, email.indexOf('@'));
		if (mailbox.length() < SHORTEST_NAME) {
			return false;
		}
		return !new UsernameRule(true, true).validate(new PasswordData(mailbox, password)).isValid();
	}

	private static String letters(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", "");
	}

	/** Read once, on first use. */
	private static final class CommonPasswords {

		static final WordListDictionary LIST = new WordListDictionary(
				new ArrayWordList(read("/passwords/common-passwords.txt.gz"), false, new ArraysSort()));

		private static String[] read(String resource) {
			try (InputStream compressed = PasswordPolicy.class.getResourceAsStream(resource)) {
				if (compressed == null) {
					throw new IllegalStateException("The list of common passwords is missing: " + resource);
				}
				BufferedReader lines = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(compressed), StandardCharsets.UTF_8));
				return lines.lines().filter(line -> !line.isEmpty()).toArray(String[]::new);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private CommonPasswords() {
		}
	}
}
