package org.taexchange.accounts;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The authenticator apps accounts set up, by account id. */
interface AuthenticatorApps extends JpaRepository<AuthenticatorApp, Long> {

	/**
	 * The app of an account, its row locked until the transaction ends: a second check of the same
	 * account's code waits, then sees the step or recovery code the first one used.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from AuthenticatorApp a where a.accountId = :accountId")
	Optional<AuthenticatorApp> findLocked(long accountId);
}
