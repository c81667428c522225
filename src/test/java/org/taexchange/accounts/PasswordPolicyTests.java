package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.taexchange.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;

/** Which passwords are refused, and why; and how long a password link works. */
class PasswordPolicyTests {

	private static final PasswordPolicy.Person FATMATA = new PasswordPolicy.Person("Fatmata Kamara",
			"f.kamara@mines.gov.sl");

	@Test
	void theBundledListHoldsTheMostCommonPasswords() {
		assertThat(PasswordPolicy.commonPasswordCount()).isGreaterThan(86_000);
		assertThat(PasswordPolicy.isCommon("123456")).isTrue();
		assertThat(PasswordPolicy.isCommon("PASSWORD")).as("whatever the case").isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "Password1234!", "qwertyuiop123", "iloveyou2026!!", "123456789012",
			"football12345", "kimberley2026", "!!Sunshine2025", "dragon1234567", "superman123456" })
	void commonAndLeakedPasswordsAreRefusedEvenWithDigitsAround(String password) {
		assertThat(PasswordPolicy.problem(password, FATMATA)).isEqualTo("password.common");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			my TA Exchange key 2026         | password.portalName
			taexchange-is-where-i-work      | password.portalName
			Ta-Exchange!Ta-Exchange!        | password.portalName
			Kamara Fatmata 1990!            | password.name
			fatmatakamara-from-freetown     | password.name
			Kamara-Kamara-Kamara            | password.name
			the f.kamara account key        | password.email
			aramak.f is my name backwards   | password.email
			""")
	void contextWordsAreRefusedWithTheReason(String password, String reason) {
		assertThat(PasswordPolicy.problem(password, FATMATA)).isEqualTo(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { AccountSeeding.DEMO_PASSWORD, Registrations.PASSWORD,
			"a pass phrase for the security tests", "a long enough pass phrase", "twelve chars",
			"Kamara's favourite river is the Sewa", "correct horse battery staple" })
	void passPhrasesAndTheDemoPasswordAreAccepted(String password) {
		assertThat(PasswordPolicy.problem(password, FATMATA)).isNull();
	}

	@Test
	void aNameIsOnlyRefusedWhenThePasswordIsMadeOfItOrHoldsItWhole() {
		PasswordPolicy.Person tester = new PasswordPolicy.Person("Security Test lockout",
				"security-lockout-1@example.org");
		assertThat(PasswordPolicy.problem("a pass phrase for the security tests", tester)).isNull();
		assertThat(PasswordPolicy.problem("security-test-2026", tester)).isEqualTo("password.name");
	}

	@Test
	void lengthIsCheckedFirstAndCountedInCharacters() {
		assertThat(PasswordPolicy.problem("", FATMATA)).isEqualTo("password.required");
		assertThat(PasswordPolicy.problem("pass", FATMATA)).isEqualTo("password.tooShort");
		assertThat(PasswordPolicy.problem("é".repeat(128), FATMATA)).isNull();
		assertThat(PasswordPolicy.problem("x".repeat(127) + "é", FATMATA)).isNull();
		assertThat(PasswordPolicy.problem("x".repeat(129), FATMATA)).isEqualTo("password.tooLong");
	}

	@Test
	void aPasswordLinkWorksOnceAndOnlyUntilItExpires() {
		Instant sent = Instant.parse("2026-12-04T10:00:00Z");
		PasswordToken.Issued issued = PasswordToken.issue(7L, PasswordToken.Purpose.RESET, Duration.ofHours(1),
				Clock.fixed(sent, ZoneOffset.UTC));
		PasswordToken link = issued.passwordToken();
		assertThat(issued.token()).hasSize(43).as("256 bits, URL-safe base64").matches("[A-Za-z0-9_-]+");
		assertThat(OneTimeToken.hash(issued.token())).as("only the hash is kept").hasSize(64);
		assertThat(link.isUsable(at(sent.plus(Duration.ofMinutes(59)).plusSeconds(59)))).isTrue();
		assertThat(link.isUsable(at(sent.plus(Duration.ofHours(1))))).isFalse();

		link.use(at(sent.plusSeconds(60)));
		assertThat(link.isUsable(at(sent.plusSeconds(61)))).as("used once").isFalse();
		assertThat(PasswordToken.issue(7L, PasswordToken.Purpose.RESET, Duration.ofHours(1), at(sent)).token())
			.as("a new secret every time")
			.isNotEqualTo(issued.token());
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}
}
