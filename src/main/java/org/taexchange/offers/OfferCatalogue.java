package org.taexchange.offers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Standing;
import org.taexchange.platform.ArrayColumns;
import org.taexchange.platform.NotFound;

/**
 * The published offers as signed-in people browse them, and what other modules may know of one
 * (a request that asks for it). Officials see published offers only; providers also their own
 * organisation's in any state; coordinators every offer past its draft.
 */
@Service
@Transactional(readOnly = true)
public class OfferCatalogue {

	private final Offers offers;

	private final Standing standing;

	OfferCatalogue(Offers offers, Standing standing) {
		this.offers = offers;
		this.standing = standing;
	}

	/** A published offer by its reference, for a request that asks for it. */
	public Optional<ChosenOffer> published(String reference) {
		if (!OfferReference.isValid(reference)) {
			return Optional.empty();
		}
		return this.offers.findByReference(reference)
			.filter(offer -> offer.getStatus() == OfferStatus.PUBLISHED)
			.map(offer -> new ChosenOffer(offer.getId(), offer.getReference(), offer.getTitle(),
					offer.getExpertiseAreas(), offer.getModalities(), offer.getWorkingLanguages()));
	}

	/** One page of published offers matching the filter, most recently published first. */
	Page<Offer> search(CatalogueFilter filter, int page, int size) {
		Specification<Offer> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(cb.equal(root.get("status"), OfferStatus.PUBLISHED));
			if (filter.getArea() != null) {
				where.add(ArrayColumns.holds(cb, root.get("expertiseAreas"), filter.getArea()));
			}
			if (filter.getLanguage() != null) {
				where.add(ArrayColumns.holds(cb, root.get("workingLanguages"), filter.getLanguage()));
			}
			if (filter.getModality() != null) {
				where.add(ArrayColumns.holds(cb, root.get("modalities"), filter.getModality().name()));
			}
			if (filter.getFunding() != null) {
				where.add(cb.equal(root.get("funding"), filter.getFunding()));
			}
			if (filter.firstDayOfMonth() != null) {
				var first = filter.firstDayOfMonth();
				var last = first.plusMonths(1).minusDays(1);
				where.add(cb.or(cb.isNull(root.get("availableFrom")),
						cb.lessThanOrEqualTo(root.get("availableFrom"), last)));
				where.add(cb.or(cb.isNull(root.get("availableUntil")),
						cb.greaterThanOrEqualTo(root.get("availableUntil"), first)));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		return this.offers.findAll(spec,
				PageRequest.of(Math.max(page, 0), size, Sort.by("statusChangedAt").descending().and(Sort.by("id"))));
	}

	/** The offer at this reference, if this person may see it. */
	Offer visible(OfferReference reference, AccountUser viewer) {
		Offer offer = this.offers.findByReference(reference.value())
			.filter(o -> maySee(o, viewer))
			.orElseThrow(() -> new NotFound("offer"));
		offer.getTimelineForReading().size();
		return offer;
	}

	private boolean maySee(Offer offer, AccountUser viewer) {
		return switch (viewer.role()) {
			case COORDINATOR, ADMIN -> offer.getStatus() != OfferStatus.DRAFT;
			case PROVIDER -> offer.getStatus() == OfferStatus.PUBLISHED
					|| this.standing.maySeeOrganisation(viewer, offer.getOrganisationId());
			case REQUESTER -> offer.getStatus() == OfferStatus.PUBLISHED;
		};
	}

	/**
	 * Whether this person sees the offer's conflict-of-interest declaration: coordinators, and the
	 * approved providers of its organisation.
	 */
	boolean seesDeclaration(Offer offer, AccountUser viewer) {
		return viewer.role().isStaff() || this.standing.maySeeOrganisation(viewer, offer.getOrganisationId());
	}
}
