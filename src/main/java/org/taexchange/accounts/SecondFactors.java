package org.taexchange.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.audit.SecurityEventKind;
import org.taexchange.audit.SecurityEvents;

/**
 * Setting up an authenticator app and checking its codes, each recorded in the security trail.
 *
 * <p>
 * A code from the app is accepted for its own 30-second step and the steps just before and after
 * ({@link TimeBasedCodes#stepOf}), and only once: the app remembers the last step accepted and refuses
 * it and every earlier one. Checks of one account's codes are serialised by a row lock on its app, so
 * two posts of the same code at the same moment are one accepted and one refused. Wrong codes are
 * counted on the app, apart from wrong passwords (a right password does not reset them): after
 * {@code app.security.max-failed-sign-ins} in a row the account is locked, as after wrong passwords,
 * and a locked account's codes are refused.
 */
@Service
class SecondFactors {

	/** What became of a code. */
	enum Outcome {
		ACCEPTED, REFUSED, LOCKED
	}

	static final String APP = "authenticator app";

	static final String RECOVERY_CODE = "recovery code";

	private final AuthenticatorApps apps;

	private final Accounts accounts;

	private final SecuritySettings settings;

	private final PasswordEncoder passwordEncoder;

	private final SecurityEvents securityEvents;

	private final TextEncryptor secrets;

	private final Clock clock;

	SecondFactors(AuthenticatorApps apps, Accounts accounts, SecuritySettings settings,
			PasswordEncoder passwordEncoder, SecurityEvents securityEvents, Clock clock) {
		this.apps = apps;
		this.accounts = accounts;
		this.settings = settings;
		this.passwordEncoder = passwordEncoder;
		this.securityEvents = securityEvents;
		// AES-256-GCM, a key derived from the configured pass phrase, a random nonce per secret
		this.secrets = Encryptors.delux(settings.secondFactorKey(), "5461457863686e6765");
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	boolean isSetUp(long accountId) {
		return this.apps.existsById(accountId);
	}

	/**
	 * Sets up the app whose secret the person was shown, if the code they typed comes from it. Returns
	 * the ten recovery codes, to be shown once, or {@code null} for a wrong code.
	 */
	@Transactional
	List<String> enrol(long accountId, String secret, String code) {
		Instant now = this.clock.instant();
		OptionalLong step = TimeBasedCodes.stepOf(secret, code, now);
		if (step.isEmpty() || this.apps.existsById(accountId)) {
			return null;
		}
		List<String> recoveryCodes = TimeBasedCodes.newRecoveryCodes();
		List<RecoveryCode> stored = recoveryCodes.stream().map(TimeBasedCodes::normalisedRecoveryCode)
			.map(normalised -> new RecoveryCode(TimeBasedCodes.recoveryLookupOf(normalised),
					this.passwordEncoder.encode(normalised)))
			.toList();
		this.apps.save(new AuthenticatorApp(accountId, this.secrets.encrypt(secret), step.getAsLong(), stored, now));
		Account account = this.accounts.findById(accountId).orElseThrow();
		account.secondFactorAdded(this.clock);
		this.accounts.save(account);
		this.securityEvents.record(SecurityEventKind.FACTOR_ENROLLED, account.getEmail(), accountId, APP);
		return recoveryCodes;
	}

	/** Demo data: the app with a known secret, without recovery codes. */
	@Transactional
	void enrolDemo(long accountId, String secret) {
		if (!this.apps.existsById(accountId)) {
			this.apps.save(new AuthenticatorApp(accountId, this.secrets.encrypt(secret), 0, List.of(),
					Instant.EPOCH));
		}
	}

	/**
	 * Checks a code from the app, or a recovery code; each is accepted once. A code accepted is
	 * recorded as {@code FACTOR_USED}, a code refused as {@code FACTOR_FAILED} (never the code itself).
	 */
	@Transactional
	Outcome check(long accountId, String code) {
		// the app first, locked: the account is read after any check of the same account has ended
		AuthenticatorApp app = this.apps.findLocked(accountId).orElse(null);
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (app == null || account.isLocked(this.clock)) {
			return Outcome.LOCKED;
		}
		Instant now = this.clock.instant();
		String typed = code == null ? "" : code.strip().replace(" ", "");
		OptionalLong step = TimeBasedCodes.stepOf(this.secrets.decrypt(app.getSecretCipher()), typed, now);
		if (step.isPresent() && app.use(step.getAsLong(), now)) {
			this.securityEvents.record(SecurityEventKind.FACTOR_USED, account.getEmail(), accountId, APP);
			return Outcome.ACCEPTED;
		}
		if (step.isEmpty()
				&& app.useRecoveryCode(TimeBasedCodes.normalisedRecoveryCode(typed), this.passwordEncoder, now)) {
			this.securityEvents.record(SecurityEventKind.FACTOR_USED, account.getEmail(), accountId,
					RECOVERY_CODE + ", " + app.unusedRecoveryCodes() + " left");
			return Outcome.ACCEPTED;
		}
		boolean lock = app.refused(this.settings.maxFailedSignIns());
		this.securityEvents.record(SecurityEventKind.FACTOR_FAILED, account.getEmail(), accountId,
				step.isPresent() ? "code already used" : "wrong code");
		if (!lock) {
			return Outcome.REFUSED;
		}
		account.lockAfterWrongCodes(this.settings.maxFailedSignIns(), this.settings.lockDuration(), this.clock);
		this.accounts.save(account);
		return Outcome.LOCKED;
	}

	@Transactional(readOnly = true)
	long unusedRecoveryCodes(long accountId) {
		return this.apps.findById(accountId).map(AuthenticatorApp::unusedRecoveryCodes).orElse(0L);
	}

}
