package org.taexchange.offers;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.platform.NotFound;

/**
 * What the matching module may read of offers and do to their capacity. Reads come in bulk (one
 * statement for any number of offers); capacity moves run inside the caller's transaction, so a
 * match and the engagement it takes change together or not at all.
 */
@Service
public class OfferSupply {

	private final Offers offers;

	private final Clock clock;

	OfferSupply(Offers offers, Clock clock) {
		this.offers = offers;
		this.clock = clock;
	}

	/** Published offers with an engagement left, in the order they were created. */
	@Transactional(readOnly = true)
	public List<OfferProfile> openForMatching() {
		return this.offers.findOpenForMatching().stream().map(OfferProfile::of).toList();
	}

	/** These offers, whatever their status, in one statement. */
	@Transactional(readOnly = true)
	public List<OfferProfile> profiles(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.offers.findByIdIn(ids).stream().map(OfferProfile::of).toList();
	}

	@Transactional(readOnly = true)
	public Optional<OfferProfile> profile(long id) {
		return this.offers.findById(id).map(OfferProfile::of);
	}

	@Transactional(readOnly = true)
	public Optional<OfferProfile> profile(String reference) {
		return this.offers.findByReference(reference).map(OfferProfile::of);
	}

	/** Live offers (published, paused or fully taken) whose window ends between these days. */
	@Transactional(readOnly = true)
	public List<OfferProfile> endingBetween(java.time.LocalDate from, java.time.LocalDate until) {
		return this.offers
			.findByStatusInAndAvailableUntilBetween(
					List.of(OfferStatus.PUBLISHED, OfferStatus.PAUSED, OfferStatus.EXHAUSTED), from, until)
			.stream()
			.map(OfferProfile::of)
			.toList();
	}

	/** Sets one engagement aside for an approved match; refused when none is left. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void hold(long offerId, String actor) {
		change(offerId, offer -> offer.holdCapacity(actor, this.clock));
	}

	/** The engagement set aside for a match is used: the requester confirmed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void useHeld(long offerId) {
		change(offerId, offer -> offer.useHeldCapacity(this.clock));
	}

	/** An approved match ended before it was confirmed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void releaseHeld(long offerId, String actor) {
		change(offerId, offer -> offer.releaseHeldCapacity(actor, this.clock));
	}

	/** A confirmed match was cancelled before delivery. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void releaseUsed(long offerId, String actor) {
		change(offerId, offer -> offer.releaseCapacity(actor, this.clock));
	}

	private void change(long offerId, java.util.function.Consumer<Offer> move) {
		Offer offer = this.offers.findById(offerId).orElseThrow(() -> new NotFound("offer"));
		move.accept(offer);
		// flushed now, so that two matches taking the same last engagement collide here on the version
		this.offers.saveAndFlush(offer);
	}
}
