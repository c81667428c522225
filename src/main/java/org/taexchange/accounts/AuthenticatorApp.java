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

/**
 * The authenticator app an account set up as its second factor: the encrypted secret, the last time
 * step whose code was accepted (so no code is accepted twice), and the recovery codes. Kept apart from
 * the {@link Account} so that giving a code does not change the account a coordinator may be deciding on.
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

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "account_id", nullable = false, updatable = false)
	private List<RecoveryCode> recoveryCodes = new ArrayList<>();

	@Version
	private Long version;

	protected AuthenticatorApp() {
	}

	/** Set up with the first code the person typed, which is used up by doing so. */
	AuthenticatorApp(long accountId, String secretCipher, long firstStep, List<String> recoveryCodeHashes,
			Instant now) {
		this.accountId = accountId;
		this.secretCipher = secretCipher;
		this.enrolledAt = now;
		this.lastUsedStep = firstStep;
		this.lastUsedAt = now;
		recoveryCodeHashes.forEach(hash -> this.recoveryCodes.add(new RecoveryCode(hash)));
	}

	/** A code of this time step was accepted; a code of this or an earlier step never will be again. */
	boolean use(long step, Instant now) {
		if (step <= this.lastUsedStep) {
			return false;
		}
		this.lastUsedStep = step;
		this.lastUsedAt = now;
		return true;
	}

	/** Uses up the unused recovery code with this hash, if there is one. */
	boolean useRecoveryCode(String hash, Instant now) {
		for (RecoveryCode code : this.recoveryCodes) {
			if (code.useIfMatches(hash, now)) {
				this.lastUsedAt = now;
				return true;
			}
		}
		return false;
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
