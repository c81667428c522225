package org.taexchange.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Setting up an authenticator app and checking its codes. A wrong code counts as a wrong password
 * toward the account's lockout; a locked account's codes are refused.
 */
@Service
class SecondFactors {

	/** What became of a code. */
	enum Outcome {
		ACCEPTED, REFUSED, LOCKED
	}

	private final AuthenticatorApps apps;

	private final Accounts accounts;

	private final SecuritySettings settings;

	private final TextEncryptor secrets;

	private final Clock clock;

	SecondFactors(AuthenticatorApps apps, Accounts accounts, SecuritySettings settings, Clock clock) {
		this.apps = apps;
		this.accounts = accounts;
		this.settings = settings;
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
		List<String> recoveryCodes = Arrays.asList(TimeBasedCodes.newRecoveryCodes());
		this.apps.save(new AuthenticatorApp(accountId, this.secrets.encrypt(secret), step.getAsLong(),
				recoveryCodes.stream().map(TimeBasedCodes::recoveryCodeHash).toList(), now));
		this.accounts.findById(accountId)
			.ifPresent(account -> {
				account.secondFactorAdded(this.clock);
				this.accounts.save(account);
			});
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

	/** Checks a code from the app, or a recovery code; each is accepted once. */
	@Transactional
	Outcome check(long accountId, String code) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		AuthenticatorApp app = this.apps.findById(accountId).orElse(null);
		if (app == null || account.isLocked(this.clock)) {
			return Outcome.LOCKED;
		}
		Instant now = this.clock.instant();
		String typed = code == null ? "" : code.strip().replace(" ", "");
		OptionalLong step = TimeBasedCodes.stepOf(this.secrets.decrypt(app.getSecretCipher()), typed, now);
		boolean accepted = step.isPresent() ? app.use(step.getAsLong(), now)
				: typed.length() > 6 && app.useRecoveryCode(TimeBasedCodes.recoveryCodeHash(typed), now);
		if (accepted) {
			return Outcome.ACCEPTED;
		}
		account.recordFailedSignIn(this.settings.maxFailedSignIns(), this.settings.lockDuration(), this.clock);
		this.accounts.save(account);
		return account.isLocked(this.clock) ? Outcome.LOCKED : Outcome.REFUSED;
	}

	@Transactional(readOnly = true)
	long unusedRecoveryCodes(long accountId) {
		return this.apps.findById(accountId).map(AuthenticatorApp::unusedRecoveryCodes).orElse(0L);
	}

}
