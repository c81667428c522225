package org.taexchange.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time link that proves a person reads the mailbox they registered with. */
@Entity
@Table(name = "email_verification")
class EmailVerification {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Id
	private String tokenHash;

	private Long accountId;

	private Instant expiresAt;

	private Instant usedAt;

	protected EmailVerification() {
	}

	private EmailVerification(String tokenHash, Long accountId, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.accountId = accountId;
		this.expiresAt = expiresAt;
	}

	/** A new link for an account; the token itself goes into the mail and is never stored. */
	static Issued issue(long accountId, Duration validity, Clock clock) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new Issued(token, new EmailVerification(hash(token), accountId, clock.instant().plus(validity)));
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	boolean isUsable(Clock clock) {
		return this.usedAt == null && this.expiresAt.isAfter(clock.instant());
	}

	void use(Clock clock) {
		this.usedAt = clock.instant();
	}

	Long getAccountId() {
		return this.accountId;
	}

	record Issued(String token, EmailVerification verification) {
	}
}
