package org.taexchange.participants;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All organisations. */
interface Organisations extends JpaRepository<Organisation, Long> {

	List<Organisation> findByStatusOrderByName(OrganisationStatus status);

	List<Organisation> findAllByOrderByStatusAscNameAsc();

	boolean existsByNameIgnoreCaseAndStatus(String name, OrganisationStatus status);
}
