package org.taexchange.offers;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.participants.OrganisationMerged;

/** When a duplicate organisation is merged, its offers move to the organisation it was merged into. */
@Component("offersOrganisationMerges")
class OrganisationMerges {

	private final Offers offers;

	OrganisationMerges(Offers offers) {
		this.offers = offers;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OrganisationMerged merged) {
		this.offers.findByOrganisationId(merged.mergedId()).forEach(offer -> {
			offer.organisationMerged(merged.mergedId(), merged.intoId());
			this.offers.save(offer);
		});
	}
}
