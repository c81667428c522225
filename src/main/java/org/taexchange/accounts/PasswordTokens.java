package org.taexchange.accounts;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Password links sent, by the hash of their token. */
interface PasswordTokens extends JpaRepository<PasswordToken, String> {

	/** Uses every link of the account that still works: once a password is set, older links open nothing. */
	@Modifying
	@Query("update PasswordToken t set t.usedAt = :now where t.accountId = :accountId and t.usedAt is null")
	int useAllOf(Long accountId, Instant now);
}
