package org.taexchange.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.taexchange.matching.Assessment.ScoredPart;
import org.taexchange.matching.MatchingSettings.Weights;
import org.taexchange.offers.OfferFunding;
import org.taexchange.requests.Funding;

/**
 * The score of an offer for a request (DESIGN §3): hard filters first, then seven named parts, each a
 * share between 0 and 1 of its weight. A pure function of the request, the offer and the provider's
 * record. {@link #total} is the fast path the plan uses on millions of pairs; {@link #assess} gives the
 * same figure with its explanation, and they share every share function below.
 */
final class Scoring {

	private final Weights weights;

	Scoring(Weights weights) {
		this.weights = weights;
	}

	// --- the fast path ---------------------------------------------------------------------------

	/** The score out of 100, or -1 when a hard filter excludes the pair. */
	int total(Demand demand, Supply supply, ProviderRecord record) {
		if (!passes(demand, supply)) {
			return -1;
		}
		return points(Part.EXPERTISE, expertiseShare(demand, supply)) + points(Part.MODALITY, modalityShare(demand, supply))
				+ points(Part.LANGUAGE, languageShare(demand, supply)) + points(Part.TIMING, timingShare(demand, supply))
				+ points(Part.FUNDING, fundingShare(demand.funding, supply.funding))
				+ points(Part.RECORD, record.share()) + points(Part.REGION, regionShare(demand, supply));
	}

	static boolean passes(Demand demand, Supply supply) {
		return supply.published && supply.capacityLeft > 0 && (demand.areas & supply.areas) != 0
				&& sharesLanguage(demand, supply) && windowsOverlap(demand, supply) && reaches(demand, supply)
				&& !supply.conflicts.intersects(demand.concerned);
	}

	private int points(Part part, double share) {
		return (int) Math.round(this.weights.of(part) * share);
	}

	// --- the explained path ----------------------------------------------------------------------

	/** Every reason the pair is filtered out, or each part of its score with its explanation. */
	Assessment assess(Demand demand, Supply supply, ProviderRecord record) {
		List<Reason> exclusions = exclusions(demand, supply);
		if (!exclusions.isEmpty()) {
			return Assessment.excluded(exclusions);
		}
		List<ScoredPart> parts = new ArrayList<>();
		parts.add(part(Part.EXPERTISE, expertiseShare(demand, supply), expertiseReason(demand, supply)));
		parts.add(part(Part.MODALITY, modalityShare(demand, supply), modalityReason(demand, supply)));
		parts.add(part(Part.LANGUAGE, languageShare(demand, supply), languageReason(demand, supply)));
		double timing = timingShare(demand, supply);
		parts.add(part(Part.TIMING, timing, timingReason(demand, supply, timing)));
		parts.add(part(Part.FUNDING, fundingShare(demand.funding, supply.funding),
				Reason.of("match.part.funding", "msg:offerFunding." + supply.funding,
						"msg:match.requestFunding." + demand.funding)));
		parts.add(part(Part.RECORD, record.share(), record.isEmpty() ? Reason.of("match.part.record.none")
				: Reason.of("match.part.record.history", "n:" + record.completed(), "n:" + record.declined())));
		parts.add(part(Part.REGION, regionShare(demand, supply), regionReason(demand, supply)));
		return Assessment.scored(parts);
	}

	private ScoredPart part(Part part, double share, Reason reason) {
		return new ScoredPart(part, points(part, share), this.weights.of(part), reason);
	}

	static List<Reason> exclusions(Demand demand, Supply supply) {
		List<Reason> reasons = new ArrayList<>();
		if (!supply.published) {
			reasons.add(Reason.of("match.excluded.notPublished", "msg:offerState." + supply.profile.status()));
		}
		else if (supply.capacityLeft <= 0) {
			reasons.add(Reason.of("match.excluded.noCapacity"));
		}
		if ((demand.areas & supply.areas) == 0) {
			reasons.add(Reason.of("match.excluded.noSharedArea"));
		}
		if (!sharesLanguage(demand, supply)) {
			reasons.add(Reason.of("match.excluded.noSharedLanguage", "lang*:" + join(supply.profile.languages())));
		}
		if (!windowsOverlap(demand, supply)) {
			reasons.add(Reason.of("match.excluded.windowsApart"));
		}
		if (!reaches(demand, supply)) {
			List<String> places = demand.profile.beneficiaries().isEmpty()
					? List.of(demand.profile.requestingParticipant()) : demand.profile.beneficiaries();
			List<String> outside = new ArrayList<>();
			for (int i = 0; i < demand.deliveredTo.length; i++) {
				if (!supply.reach.get(demand.deliveredTo[i])) {
					outside.add(places.get(i));
				}
			}
			reasons.add(Reason.of("match.excluded.outOfReach", "part*:" + join(outside)));
		}
		if (supply.conflicts.intersects(demand.concerned)) {
			List<String> concerned = new ArrayList<>(demand.profile.beneficiaries());
			concerned.add(demand.profile.requestingParticipant());
			List<String> conflicts = supply.profile.conflictParticipants().stream().filter(concerned::contains).toList();
			reasons.add(Reason.of("match.excluded.conflict", "part*:" + join(conflicts)));
		}
		return reasons;
	}

	// --- the hard filters ------------------------------------------------------------------------

	static boolean sharesLanguage(Demand demand, Supply supply) {
		return demand.languages == 0 || (demand.languages & supply.languages) != 0;
	}

	/** Windows overlap when both are given; an open end overlaps everything on its side. */
	static boolean windowsOverlap(Demand demand, Supply supply) {
		return demand.earliestStart <= supply.availableUntil && supply.availableFrom <= demand.latestEnd;
	}

	/** The offer can be delivered to every place the request names. */
	static boolean reaches(Demand demand, Supply supply) {
		if (supply.reachesAll) {
			return true;
		}
		for (int participant : demand.deliveredTo) {
			if (!supply.reach.get(participant)) {
				return false;
			}
		}
		return true;
	}

	// --- the parts, each a share between 0 and 1 -------------------------------------------------

	/**
	 * The primary area counts for 60 %, the request's other areas for the remaining 40 % in proportion to
	 * those the offer covers. A request with only its primary area is fully served by an offer covering it.
	 */
	static double expertiseShare(Demand demand, Supply supply) {
		boolean primary = (demand.primaryArea & supply.areas) != 0;
		long others = demand.areas & ~demand.primaryArea;
		if (others == 0) {
			return primary ? 1 : 0;
		}
		double otherShare = (double) Long.bitCount(others & supply.areas) / Long.bitCount(others);
		return (primary ? 0.6 : 0) + 0.4 * otherShare;
	}

	/** Full when the offer works in one of the ways the request prefers, or the request has no preference. */
	static double modalityShare(Demand demand, Supply supply) {
		return demand.modalities == 0 || (demand.modalities & supply.modalities) != 0 ? 1 : 0;
	}

	/** The share of the request's working languages the offer speaks. */
	static double languageShare(Demand demand, Supply supply) {
		if (demand.languages == 0) {
			return 1;
		}
		return (double) Long.bitCount(demand.languages & supply.languages) / Long.bitCount(demand.languages);
	}

	/**
	 * The share of the requested window (both ends given) during which the offer is available; a request
	 * without a complete window is fully served by any offer whose window overlaps it.
	 */
	static double timingShare(Demand demand, Supply supply) {
		if (demand.earliestStart == Long.MIN_VALUE || demand.latestEnd == Long.MAX_VALUE) {
			return windowsOverlap(demand, supply) ? 1 : 0;
		}
		long from = Math.max(demand.earliestStart, supply.availableFrom);
		long until = Math.min(demand.latestEnd, supply.availableUntil);
		if (until < from) {
			return 0;
		}
		return (double) (until - from + 1) / (demand.latestEnd - demand.earliestStart + 1);
	}

	/** A fully funded offer suits every request; the less the requester can bring, the more funding matters. */
	static double fundingShare(Funding request, OfferFunding offer) {
		if (offer == OfferFunding.FULLY_FUNDED || offer == null || request == null) {
			return offer == OfferFunding.FULLY_FUNDED ? 1 : 0.5;
		}
		return switch (request) {
			case NEEDS_FULL_FUNDING -> offer == OfferFunding.PARTLY_FUNDED ? 0.3 : 0;
			case CAN_CO_FUND -> offer == OfferFunding.PARTLY_FUNDED ? 0.8 : 0.3;
			case IN_KIND -> offer == OfferFunding.PARTLY_FUNDED ? 0.6 : 0.2;
		};
	}

	/**
	 * Full when the offer is aimed at the request's region or the provider is based there; half for an
	 * international provider open to all; nothing for a provider based elsewhere.
	 */
	static double regionShare(Demand demand, Supply supply) {
		if ((supply.aimedAt & demand.regions) != 0 || (supply.homeRegion & demand.regions) != 0) {
			return 1;
		}
		return supply.homeRegion == 0 ? 0.5 : 0;
	}

	// --- explanations ----------------------------------------------------------------------------

	private static Reason expertiseReason(Demand demand, Supply supply) {
		List<String> requested = new ArrayList<>(demand.profile.areas());
		if (demand.profile.primaryArea() != null && !requested.contains(demand.profile.primaryArea())) {
			requested.add(0, demand.profile.primaryArea());
		}
		long shared = requested.stream().filter(supply.profile.areas()::contains).count();
		boolean primary = supply.profile.areas().contains(demand.profile.primaryArea());
		return Reason.of(primary ? "match.part.expertise.primary" : "match.part.expertise.notPrimary", "n:" + shared,
				"n:" + requested.size(), "area:" + demand.profile.primaryArea());
	}

	private static Reason modalityReason(Demand demand, Supply supply) {
		if (demand.profile.modalities().isEmpty()) {
			return Reason.of("match.part.modality.any");
		}
		List<String> shared = demand.profile.modalities()
			.stream()
			.filter(supply.profile.modalities()::contains)
			.map(Enum::name)
			.toList();
		return shared.isEmpty()
				? Reason.of("match.part.modality.none",
						"modality*:" + join(supply.profile.modalities().stream().map(Enum::name).toList()))
				: Reason.of("match.part.modality.shared", "modality*:" + join(shared));
	}

	private static Reason languageReason(Demand demand, Supply supply) {
		if (demand.profile.languages().isEmpty()) {
			return Reason.of("match.part.language.any");
		}
		Map<Boolean, List<String>> spoken = demand.profile.languages()
			.stream()
			.collect(Collectors.partitioningBy(supply.profile.languages()::contains));
		return spoken.get(false).isEmpty() ? Reason.of("match.part.language.shared", "lang*:" + join(spoken.get(true)))
				: Reason.of("match.part.language.some", "lang*:" + join(spoken.get(true)),
						"lang*:" + join(spoken.get(false)));
	}

	private static Reason timingReason(Demand demand, Supply supply, double share) {
		if (demand.earliestStart == Long.MIN_VALUE || demand.latestEnd == Long.MAX_VALUE) {
			return Reason.of("match.part.timing.open");
		}
		if (supply.availableFrom == Long.MIN_VALUE && supply.availableUntil == Long.MAX_VALUE) {
			return Reason.of("match.part.timing.always");
		}
		return Reason.of("match.part.timing.share", "n:" + Math.round(share * 100));
	}

	private static Reason regionReason(Demand demand, Supply supply) {
		if ((supply.aimedAt & demand.regions) != 0) {
			return Reason.of("match.part.region.aimed", "region*:"
					+ join(supply.aimedAtNames.stream().filter(demand.regionNames::contains).toList()));
		}
		if ((supply.homeRegion & demand.regions) != 0) {
			return Reason.of("match.part.region.based", "region:" + supply.homeRegionName);
		}
		return supply.homeRegion == 0 ? Reason.of("match.part.region.international")
				: Reason.of("match.part.region.elsewhere", "region:" + supply.homeRegionName);
	}

	private static String join(List<String> codes) {
		return String.join(",", codes);
	}
}
