package org.taexchange.accounts;

import java.time.Clock;
import java.time.Instant;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A link mailed to the owner of an account, stored by the hash of its {@link OneTimeToken}: it works
 * once, until it expires.
 */
@MappedSuperclass
abstract class OneTimeLink {

	@Id
	private String tokenHash;

	private Long accountId;

	private Instant expiresAt;

	private Instant usedAt;

	protected OneTimeLink() {
	}

	protected OneTimeLink(String tokenHash, Long accountId, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.accountId = accountId;
		this.expiresAt = expiresAt;
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

	Instant getExpiresAt() {
		return this.expiresAt;
	}
}
