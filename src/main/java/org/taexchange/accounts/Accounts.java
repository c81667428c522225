package org.taexchange.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

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
}
