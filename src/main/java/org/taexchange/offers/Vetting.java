package org.taexchange.offers;

import java.time.Clock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.AccountUser;
import org.taexchange.platform.AdminTile;
import org.taexchange.platform.AdminTiles;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.Versions;

/** The coordinators' side of offers: the list to vet, and each decision on the version they saw. */
@Service
class Vetting implements AdminTiles {

	enum Decision {
		PUBLISH(false), ASK_CHANGES(true), DECLINE(true);

		private final boolean needsText;

		Decision(boolean needsText) {
			this.needsText = needsText;
		}

		boolean needsText() {
			return this.needsText;
		}
	}

	private final Offers offers;

	private final Clock clock;

	Vetting(Offers offers, Clock clock) {
		this.offers = offers;
		this.clock = clock;
	}

	/** Offers past their draft, filtered by status and organisation; those waiting longest first. */
	@Transactional(readOnly = true)
	Page<Offer> queue(OfferStatus status, Long organisationId, int page, int size) {
		Specification<Offer> spec = (root, query, cb) -> cb.notEqual(root.get("status"), OfferStatus.DRAFT);
		if (status != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
		}
		if (organisationId != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("organisationId"), organisationId));
		}
		return this.offers.findAll(spec,
				PageRequest.of(Math.max(page, 0), size, Sort.by("statusChangedAt").ascending().and(Sort.by("id"))));
	}

	@Transactional(readOnly = true)
	Offer offer(OfferReference reference) {
		Offer offer = this.offers.findByReference(reference.value()).orElseThrow(() -> new NotFound("offer"));
		offer.getTimelineForReading().size();
		return offer;
	}

	@Transactional
	void decide(OfferReference reference, long shownVersion, AccountUser coordinator, Decision decision, String text) {
		Offer offer = this.offers.findByReference(reference.value()).orElseThrow(() -> new NotFound("offer"));
		Versions.requireUnchanged(Offer.class, offer.getId(), offer.getVersion(), shownVersion);
		String actor = coordinator.getUsername();
		switch (decision) {
			case PUBLISH -> offer.publish(actor, this.clock);
			case ASK_CHANGES -> offer.askForChanges(actor, text, this.clock);
			case DECLINE -> offer.decline(actor, text, this.clock);
		}
		this.offers.saveAndFlush(offer);
	}

	@Override
	@Transactional(readOnly = true)
	public AdminTile tile() {
		return new AdminTile("admin.tile.offers", this.offers.countByStatus(OfferStatus.SUBMITTED),
				"/admin/offers?status=SUBMITTED");
	}
}
