package org.taexchange.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.matching.Match.Pairing;
import org.taexchange.offers.OfferProfile;
import org.taexchange.offers.OfferSupply;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.platform.NotFound;
import org.taexchange.requests.RequestProfile;
import org.taexchange.requests.RequestStatus;
import org.taexchange.requests.RequestsForMatching;

/**
 * The ranked suggestions for one request, with the offers filtered out and why, and the coordinator's
 * proposal of one of them, or of any published offer picked by hand with a reason.
 */
@Service
class Suggestions {

	private final MatchingData data;

	private final RequestsForMatching requests;

	private final OfferSupply offers;

	private final Matches matches;

	private final Explanations explanations;

	private final MatchingSettings settings;

	private final Clock clock;

	Suggestions(MatchingData data, RequestsForMatching requests, OfferSupply offers, Matches matches,
			Explanations explanations, MatchingSettings settings, Clock clock) {
		this.data = data;
		this.requests = requests;
		this.offers = offers;
		this.matches = matches;
		this.explanations = explanations;
		this.settings = settings;
		this.clock = clock;
	}

	/** How many filtered-out offers the page lists by name; the others are counted. */
	static final int EXCLUDED_LISTED = 50;

	/**
	 * What the suggestions page shows.
	 *
	 * @param chosen the offer the requester picked in the catalogue, scored or excluded, or null
	 * @param excluded offers sharing an expertise area with the request that a hard filter left out, those
	 * sharing the most areas first, at most {@link #EXCLUDED_LISTED}
	 * @param excludedNotListed how many more of those there are
	 * @param unrelated how many other open offers share no expertise area with it
	 * @param picks every open offer, for a pick by hand
	 */
	record Page(RequestProfile request, Match inProgress, Shown chosen, List<Shown> suggestions, List<Shown> excluded,
			int excludedNotListed, int unrelated, List<Pick> picks) {

		public boolean mayPropose() {
			return this.request.status() == RequestStatus.OPEN_FOR_MATCHING && this.inProgress == null;
		}
	}

	/** An open offer in the list to pick from by hand: its score, or -1 when the filters leave it out. */
	record Pick(long id, String reference, String title, int score) {
	}

	@Transactional(readOnly = true)
	Page page(String reference, Locale locale) {
		RequestProfile request = this.requests.profile(reference).orElseThrow(() -> new NotFound("request"));
		MatchingData.Run run = this.data.run();
		List<OfferProfile> open = this.data.openOffers();
		Demand demand = run.demand(request);
		record Assessed(OfferProfile offer, Assessment assessment, int sharedAreas) {
		}
		List<Assessed> scored = new ArrayList<>();
		List<Assessed> excluded = new ArrayList<>();
		List<Pick> picks = new ArrayList<>();
		int unrelated = 0;
		Assessed chosen = null;
		for (OfferProfile offer : open) {
			Supply supply = run.supply(offer);
			Assessed assessed = new Assessed(offer, run.assess(demand, supply),
					Long.bitCount(demand.areas & supply.areas));
			picks.add(new Pick(offer.id(), offer.reference(), offer.title(),
					assessed.assessment().isExcluded() ? -1 : assessed.assessment().total()));
			if (Long.valueOf(offer.id()).equals(request.chosenOfferId())) {
				chosen = assessed;
			}
			if (!assessed.assessment().isExcluded()) {
				scored.add(assessed);
			}
			else if (assessed.sharedAreas() > 0) {
				excluded.add(assessed);
			}
			else {
				unrelated++;
			}
		}
		if (chosen == null && request.chosenOfferId() != null) {
			Optional<OfferProfile> offer = this.offers.profile(request.chosenOfferId());
			if (offer.isPresent()) {
				chosen = new Assessed(offer.get(), run.assess(demand, run.supply(offer.get())), 0);
			}
		}
		scored.sort(Comparator.comparingInt((Assessed a) -> a.assessment().total())
			.reversed()
			.thenComparingLong(a -> a.offer().id()));
		excluded.sort(Comparator.comparingInt(Assessed::sharedAreas).reversed().thenComparingLong(a -> a.offer().id()));
		// explanations are written only for what the page shows
		Explanations.Writer writer = this.explanations.writer(locale);
		java.util.function.Function<Assessed, Shown> show = a -> Shown.of(a.offer(),
				run.organisationName(a.offer().organisationId()), a.assessment(),
				Long.valueOf(a.offer().id()).equals(request.chosenOfferId()), writer);
		List<Shown> best = scored.stream().limit(this.settings.suggestions()).map(show).toList();
		List<Shown> listed = excluded.stream().limit(EXCLUDED_LISTED).map(show).toList();
		Match inProgress = this.matches.findFirstByRequestIdAndStatusIn(request.id(), IN_PROGRESS).orElse(null);
		return new Page(request, inProgress, chosen == null ? null : show.apply(chosen), best, listed,
				excluded.size() - listed.size(), unrelated, picks);
	}

	static final List<MatchStatus> IN_PROGRESS = List.of(MatchStatus.PROPOSED, MatchStatus.APPROVED,
			MatchStatus.ACCEPTED, MatchStatus.CONFIRMED, MatchStatus.IN_DELIVERY);

	/**
	 * The coordinator proposes this offer for this request. With a reason it is a pick by hand (which may
	 * override the filters); without, the offer must pass them. The score and its explanation are kept as
	 * they are now.
	 */
	@Transactional
	Match propose(String reference, long offerId, MatchOrigin suggestedOrigin, String overrideReason,
			String coordinator) {
		RequestProfile request = this.requests.profile(reference).orElseThrow(() -> new NotFound("request"));
		OfferProfile offer = this.offers.profile(offerId).orElseThrow(() -> new NotFound("offer"));
		return propose(request, offer, suggestedOrigin, overrideReason, coordinator, this.data.run());
	}

	/** Proposes within the caller's transaction, with a run read once for many proposals. */
	Match propose(RequestProfile request, OfferProfile offer, MatchOrigin suggestedOrigin, String overrideReason,
			String coordinator, MatchingData.Run run) {
		if (request.status() != RequestStatus.OPEN_FOR_MATCHING) {
			throw new IllegalTransition("request", request.status().name(), "MATCH_PROPOSED");
		}
		if (this.matches.findFirstByRequestIdAndStatusIn(request.id(), IN_PROGRESS).isPresent()) {
			throw new MatchInProgress();
		}
		boolean byHand = overrideReason != null && !overrideReason.isBlank();
		MatchOrigin origin = byHand ? MatchOrigin.COORDINATOR
				: Long.valueOf(offer.id()).equals(request.chosenOfferId()) ? MatchOrigin.REQUESTER_CHOICE
						: suggestedOrigin;
		Assessment assessment = run.assess(run.demand(request), run.supply(offer));
		if (!byHand && assessment.isExcluded()) {
			throw new IllegalTransition("offer", offer.status().name(), "MATCH_PROPOSED");
		}
		Match match = Match.propose(new Pairing(request.id(), request.reference(), request.requestingParticipant(),
				offer.id(), offer.reference(), offer.organisationId()), assessment, origin, overrideReason, coordinator,
				this.clock);
		try {
			match = this.matches.saveAndFlush(match);
		}
		catch (DataIntegrityViolationException ex) {
			// another coordinator proposed a match for the same request at the same moment
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("request_match_one_in_progress")) {
				throw new MatchInProgress();
			}
			throw ex;
		}
		match.announce();
		return this.matches.save(match);
	}

	/** The request already has a match in progress. */
	static class MatchInProgress extends RuntimeException {

		MatchInProgress() {
			super("The request already has a match in progress");
		}
	}
}
