package org.taexchange.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All accounts. */
interface Accounts extends JpaRepository<Account, Long> {

	Optional<Account> findByEmail(String email);

	boolean existsByEmail(String email);

	List<Account> findTop50ByEmailContainingIgnoreCaseOrFullNameContainingIgnoreCaseOrderByEmail(String email,
			String fullName);

	boolean existsByRole(Role role);

	List<Account> findByStatusOrderByCreatedAt(AccountStatus status);

	long countByStatusAndEmailVerifiedAtIsNotNull(AccountStatus status);

	List<Account> findByOrganisationId(long organisationId);

	List<Account> findByRoleAndStatusAndParticipantCode(Role role, AccountStatus status, String participantCode);

	/** The accounts waiting for their address to be confirmed since before that moment. */
	@Query("select a.id from Account a where a.status = org.taexchange.accounts.AccountStatus.PENDING"
			+ " and a.emailVerifiedAt is null and a.createdAt < :before order by a.id")
	List<Long> unconfirmedSince(@Param("before") Instant before);

	/**
	 * The account, locked until the transaction ends, if its address is still unconfirmed and it was
	 * created before that moment: a second run, or the person confirming at that very moment, waits.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id and a.status = org.taexchange.accounts.AccountStatus.PENDING"
			+ " and a.emailVerifiedAt is null and a.createdAt < :before")
	Optional<Account> lockUnconfirmed(@Param("id") long id, @Param("before") Instant before);

	/**
	 * The account of this address, its row locked until the transaction ends: wrong passwords typed at
	 * the same moment are counted one after the other, none lost and none refused for a changed version.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.email = :email")
	Optional<Account> lockByEmail(@Param("email") String email);

	/** The account, its row locked until the transaction ends (see {@link #lockByEmail}). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> lockById(@Param("id") long id);
}
