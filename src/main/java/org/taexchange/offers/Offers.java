package org.taexchange.offers;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All offers, drafts included. */
interface Offers extends JpaRepository<Offer, Long>, JpaSpecificationExecutor<Offer> {

	Optional<Offer> findByReference(String reference);

	List<Offer> findByOrganisationIdOrderByUpdatedAtDesc(long organisationId);

	List<Offer> findByOwnerIdAndStatusOrderByUpdatedAtDesc(long ownerId, OfferStatus status);

	long countByOwnerIdAndStatus(long ownerId, OfferStatus status);

	List<Offer> findByStatusInAndAvailableUntilBefore(List<OfferStatus> statuses, java.time.LocalDate day);

	long countByStatus(OfferStatus status);

	/** Published offers with an engagement left, oldest first: what matching chooses from. */
	@org.springframework.data.jpa.repository.Query("select o from Offer o where o.status = org.taexchange.offers.OfferStatus.PUBLISHED"
			+ " and o.capacity > o.capacityUsed + o.capacityHeld order by o.id")
	List<Offer> findOpenForMatching();

	List<Offer> findByIdIn(java.util.Collection<Long> ids);

	List<Offer> findByStatusInAndAvailableUntilBetween(List<OfferStatus> statuses, java.time.LocalDate from,
			java.time.LocalDate until);

	List<Offer> findByOrganisationId(long organisationId);

	List<Offer> findByStatusAndStatusChangedAtBeforeOrderByStatusChangedAt(OfferStatus status, java.time.Instant before);

	long countByOwnerId(long ownerId);
}
