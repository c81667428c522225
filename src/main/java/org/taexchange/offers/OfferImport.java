package org.taexchange.offers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.audit.DecisionMade;
import org.taexchange.platform.ReferenceCounter;

/**
 * Creates published offers from their profiles, for the synthetic market the demo and the matching
 * benchmark plan over. Each goes through the offer's own steps (draft, submitted, published) by the
 * portal itself, so timelines and decision log are real.
 */
@Service
public class OfferImport {

	private final Offers offers;

	private final ReferenceCounter counter;

	private final Clock clock;

	OfferImport(Offers offers, ReferenceCounter counter, Clock clock) {
		this.offers = offers;
		this.counter = counter;
		this.clock = clock;
	}

	/** One offer per profile (its id, reference, status and capacity left are ignored); the references, in order. */
	@Transactional
	public List<String> published(List<OfferProfile> profiles, long ownerId) {
		String actor = DecisionMade.SYSTEM;
		int year = LocalDate.now(this.clock).getYear();
		return profiles.stream().map(profile -> {
			Offer offer = Offer.draft(profile.organisationId(), ownerId,
					new OfferContent(profile.title(), "Generated for the synthetic market.", profile.areas(),
							profile.modalities(), profile.languages(), profile.reach(), profile.reachRegions(),
							profile.reachParticipants(), profile.availableFrom(), profile.availableUntil(),
							profile.capacity(), profile.funding(), 2, "Senior practitioners", profile.languages(),
							profile.conflictParticipants(), profile.conflictParticipants().isEmpty() ? null
									: "Advises a company trading with these participants."),
					this.clock);
			// saved first: the events of the steps below carry its id
			offer = this.offers.save(offer);
			offer.submit(OfferReference.of(year, this.counter.next("OF", year)), actor, this.clock);
			offer.publish(actor, this.clock);
			return this.offers.save(offer).getReference();
		}).toList();
	}
}
