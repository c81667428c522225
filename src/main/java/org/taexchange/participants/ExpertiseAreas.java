package org.taexchange.participants;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The expertise taxonomy, read-only for now (seeded by Flyway). */
interface ExpertiseAreas extends JpaRepository<ExpertiseArea, String> {

	List<ExpertiseArea> findAllByOrderByPosition();
}
