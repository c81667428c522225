package org.taexchange.offers;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All offers, drafts included. */
interface Offers extends JpaRepository<Offer, Long>, JpaSpecificationExecutor<Offer> {

	Optional<Offer> findByReference(String reference);

	List<Offer> findByOrganisationIdOrderByUpdatedAtDesc(long organisationId);

	List<Offer> findByStatusInAndAvailableUntilBefore(List<OfferStatus> statuses, java.time.LocalDate day);

	long countByStatus(OfferStatus status);

	List<Offer> findByOrganisationId(long organisationId);

	long countByOwnerId(long ownerId);
}
