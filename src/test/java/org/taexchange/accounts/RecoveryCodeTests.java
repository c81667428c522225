package org.taexchange.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery codes: 80 random bits a person can type, each found by its first group so that a typed
 * code costs one slow hash check, whichever of the ten it is and however wrong it is.
 */
class RecoveryCodeTests {

	private final CountingEncoder encoder = new CountingEncoder();

	@Test
	void tenCodesOfSixteenLettersAndDigitsEachWithAFirstGroupOfItsOwn() {
		List<String> codes = TimeBasedCodes.newRecoveryCodes();

		assertThat(codes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch(code -> code.matches("[" + TimeBasedCodes.RECOVERY_ALPHABET + "]{4}(-["
					+ TimeBasedCodes.RECOVERY_ALPHABET + "]{4}){3}"));
		assertThat(codes.stream().map(code -> code.substring(0, 4))).doesNotHaveDuplicates();
		// 32 letters and digits are 5 bits each: 16 of them, 80 bits
		assertThat(TimeBasedCodes.RECOVERY_ALPHABET.chars().distinct().count()).isEqualTo(32);
		assertThat(TimeBasedCodes.RECOVERY_ALPHABET).doesNotContain("0", "o", "1", "l");
	}

	@Test
	void aTypedCodeIsCheckedAgainstTheOneStoredCodeOfItsFirstGroupOnly() {
		List<String> codes = TimeBasedCodes.newRecoveryCodes();
		AuthenticatorApp app = appWith(codes);
		Instant now = Instant.now();

		this.encoder.checks.set(0);
		assertThat(app.useRecoveryCode(typed(" " + codes.get(6).toUpperCase(Locale.ROOT) + " "), this.encoder, now)).isTrue();
		assertThat(this.encoder.checks).hasValue(1);
		assertThat(app.unusedRecoveryCodes()).isEqualTo(9);

		// used already: no hash is checked, and it is refused
		this.encoder.checks.set(0);
		assertThat(app.useRecoveryCode(typed(codes.get(6)), this.encoder, now)).isFalse();
		assertThat(this.encoder.checks).hasValue(0);

		// the first group of another code with the rest wrong: one check, refused
		String wrongRest = codes.get(2).substring(0, 5) + "aaaa-aaaa-aaaa";
		assertThat(app.useRecoveryCode(typed(wrongRest), this.encoder, now)).isFalse();
		assertThat(this.encoder.checks).hasValue(1);

		// a first group that is none of the ten, or a code too short: no check at all
		this.encoder.checks.set(0);
		String unknownGroup = codes.stream().map(code -> code.substring(0, 4)).anyMatch("zzzz"::equals) ? "yyyy"
				: "zzzz";
		assertThat(app.useRecoveryCode(typed(unknownGroup + codes.get(3).substring(4)), this.encoder, now)).isFalse();
		assertThat(app.useRecoveryCode(typed("abcd"), this.encoder, now)).isFalse();
		assertThat(this.encoder.checks).hasValue(0);
		assertThat(app.unusedRecoveryCodes()).isEqualTo(9);
	}

	@Test
	void eachCodeIsStoredWithASaltOfItsOwn() {
		PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		String code = TimeBasedCodes.normalisedRecoveryCode(TimeBasedCodes.newRecoveryCodes().get(0));

		String first = argon2.encode(code);
		assertThat(first).startsWith("$argon2id$").isNotEqualTo(argon2.encode(code)).doesNotContain(code);
		assertThat(argon2.matches(code, first)).isTrue();
	}

	private AuthenticatorApp appWith(List<String> codes) {
		List<RecoveryCode> stored = codes.stream()
			.map(TimeBasedCodes::normalisedRecoveryCode)
			.map(code -> new RecoveryCode(TimeBasedCodes.recoveryLookupOf(code), this.encoder.encode(code)))
			.toList();
		return new AuthenticatorApp(1, "cipher", 0, stored, Instant.now());
	}

	private static String typed(String code) {
		return TimeBasedCodes.normalisedRecoveryCode(code);
	}

	/** A salted hash that counts its checks (a fast one: the count is what matters here). */
	private static final class CountingEncoder implements PasswordEncoder {

		final AtomicInteger checks = new AtomicInteger();

		private final PasswordEncoder hashes = new Argon2PasswordEncoder(16, 32, 1, 1024, 1);

		@Override
		public String encode(CharSequence raw) {
			return this.hashes.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.checks.incrementAndGet();
			return this.hashes.matches(raw, encoded);
		}
	}
}
