package org.taexchange.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The authenticator app an account set up as its second factor: the encrypted secret, the last time
 * step whose code was accepted (so no code is accepted twice), the wrong codes given since the last
 * right one, and the recovery codes. Kept apart from the {@link Account} so that giving a code does not
 * change the account a coordinator may be deciding on. {@link SecondFactors} reads it locked
 * ({@code select ... for update}): two checks of one account's codes run one after the other.
 */
@Entity
@Table(name = "authenticator_app")
class AuthenticatorApp {

	@Id
	private Long accountId;

	private String secretCipher;

	private Instant enrolledAt;

	private long lastUsedStep;

	private Instant lastUsedAt;

	private int failedCodes;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "account_id", nullable = false, updatable = false)
	private List<RecoveryCode> recoveryCodes = new ArrayList<>();

	@Version
	private Long version;

	protected AuthenticatorApp() {
	}

	/** Set up with the first code the person typed, which is used up by doing so. */
	AuthenticatorApp(long accountId, String secretCipher, long firstStep, List<RecoveryCode> recoveryCodes,
			Instant now) {
		this.accountId = accountId;
		this.secretCipher = secretCipher;
		this.enrolledAt = now;
		this.lastUsedStep = firstStep;
		this.lastUsedAt = now;
		this.recoveryCodes.addAll(recoveryCodes);
	}

	/**
	 * Accepts a code of this time step if no code of this step or a later one was accepted before; a
	 * code of this or an earlier step never will be again.
	 */
	boolean use(long step, Instant now) {
		if (step <= this.lastUsedStep) {
			return false;
		}
		this.lastUsedStep = step;
		accepted(now);
		return true;
	}

	/** Uses up the unused recovery code typed (normalised), if it is one. */
	boolean useRecoveryCode(String normalised, PasswordEncoder encoder, Instant now) {
		for (RecoveryCode code : this.recoveryCodes) {
			if (code.useIfMatches(normalised, encoder, now)) {
				accepted(now);
				return true;
			}
		}
		return false;
	}

	/**
	 * Counts a wrong code: true when it is the last one allowed in a row, and the count starts again
	 * (the account is then locked). Only a right code resets it, not a right password.
	 */
	boolean refused(int allowed) {
		this.failedCodes++;
		if (this.failedCodes < allowed) {
			return false;
		}
		this.failedCodes = 0;
		return true;
	}

	int failedCodes() {
		return this.failedCodes;
	}

	private void accepted(Instant now) {
		this.lastUsedAt = now;
		this.failedCodes = 0;
	}

	long unusedRecoveryCodes() {
		return this.recoveryCodes.stream().filter(RecoveryCode::isUnused).count();
	}

	Long getAccountId() {
		return this.accountId;
	}

	String getSecretCipher() {
		return this.secretCipher;
	}

	Instant getEnrolledAt() {
		return this.enrolledAt;
	}
}
