package org.taexchange.participants;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All participants of the scheme. */
interface Participants extends JpaRepository<Participant, String> {

	List<Participant> findAllByOrderByCode();
}
