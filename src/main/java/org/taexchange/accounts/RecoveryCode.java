package org.taexchange.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One single-use recovery code of an authenticator app, kept as a SHA-256 hash. */
@Entity
@Table(name = "recovery_code")
class RecoveryCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String codeHash;

	private Instant usedAt;

	protected RecoveryCode() {
	}

	RecoveryCode(String codeHash) {
		this.codeHash = codeHash;
	}

	boolean useIfMatches(String hash, Instant now) {
		if (this.usedAt != null || !MessageDigest.isEqual(this.codeHash.getBytes(StandardCharsets.US_ASCII),
				hash.getBytes(StandardCharsets.US_ASCII))) {
			return false;
		}
		this.usedAt = now;
		return true;
	}

	boolean isUnused() {
		return this.usedAt == null;
	}
}
