package org.taexchange.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One single-use recovery code of an authenticator app. Its lookup (the first group of four, kept in
 * clear) finds it among the account's ten; the whole code is kept as a salted Argon2 hash, so a typed
 * code costs one Argon2 check however many codes there are. Codes made before lookups existed have
 * none and keep their unsalted SHA-256 until they are used (ASVS V6.5.2, see V22).
 */
@Entity
@Table(name = "recovery_code")
class RecoveryCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String lookup;

	private String codeHash;

	private Instant usedAt;

	protected RecoveryCode() {
	}

	RecoveryCode(String lookup, String codeHash) {
		this.lookup = lookup;
		this.codeHash = codeHash;
	}

	/** Uses this code up if it is unused and the normalised code typed is this one. */
	boolean useIfMatches(String normalised, PasswordEncoder encoder, Instant now) {
		if (this.usedAt != null || !isThisCode(normalised, encoder)) {
			return false;
		}
		this.usedAt = now;
		return true;
	}

	private boolean isThisCode(String normalised, PasswordEncoder encoder) {
		if (this.lookup == null) {
			return MessageDigest.isEqual(this.codeHash.getBytes(StandardCharsets.US_ASCII),
					TimeBasedCodes.legacyRecoveryCodeHash(normalised).getBytes(StandardCharsets.US_ASCII));
		}
		return this.lookup.equals(TimeBasedCodes.recoveryLookupOf(normalised))
				&& encoder.matches(normalised, this.codeHash);
	}

	boolean isUnused() {
		return this.usedAt == null;
	}
}
