package org.taexchange.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.taexchange.offers.OfferFunding;
import org.taexchange.offers.OfferProfile;
import org.taexchange.offers.OfferStatus;
import org.taexchange.offers.Reach;
import org.taexchange.participants.Modality;
import org.taexchange.requests.Funding;
import org.taexchange.requests.RequestProfile;
import org.taexchange.requests.RequestStatus;
import org.taexchange.requests.Urgency;

/**
 * Requests and offers for the matching tests: builders with sensible defaults (a request from Sierra Leone
 * for valuation expertise in English, and a published offer that fits it), and a seeded generator of random
 * small instances turned into {@link Demand} and {@link Supply} through one {@link Vocabulary}.
 */
final class Instances {

	/** Each participant's region. */
	static final Map<String, String> REGION_OF = Map.of("SL", "WEST", "LR", "WEST", "GN", "WEST", "CI", "WEST", "AO",
			"SOUTH", "NA", "SOUTH", "BW", "SOUTH", "CD", "CENTRAL", "CF", "CENTRAL");

	static final List<String> PARTICIPANTS = REGION_OF.keySet().stream().sorted().toList();

	static final List<String> REGIONS = List.of("WEST", "SOUTH", "CENTRAL");

	static final List<String> AREAS = List.of("VALUATION", "STATISTICS", "MINING", "TRACEABILITY");

	static final List<String> LANGUAGES = List.of("en", "fr", "pt", "ar");

	static final List<Modality> MODALITIES = List.of(Modality.WORKSHOP, Modality.STUDY_VISIT,
			Modality.REMOTE_ADVISORY);

	private static final LocalDate DAY_ZERO = LocalDate.of(2027, 1, 1);

	static Vocabulary vocabulary() {
		return new Vocabulary(REGION_OF);
	}

	static RequestBuilder request() {
		return new RequestBuilder();
	}

	static OfferBuilder offer() {
		return new OfferBuilder();
	}

	static final class RequestBuilder {

		private long id = 1;

		private String requesting = "SL";

		private List<String> beneficiaries = List.of();

		private String primary = "VALUATION";

		private List<String> areas = List.of("VALUATION");

		private List<Modality> modalities = List.of(Modality.WORKSHOP);

		private List<String> languages = List.of("en");

		private LocalDate earliestStart;

		private LocalDate latestEnd;

		private Funding funding = Funding.CAN_CO_FUND;

		RequestBuilder id(long id) {
			this.id = id;
			return this;
		}

		RequestBuilder requesting(String participant) {
			this.requesting = participant;
			return this;
		}

		RequestBuilder beneficiaries(String... participants) {
			this.beneficiaries = List.of(participants);
			return this;
		}

		/** The primary area and the request's list of areas, as given. */
		RequestBuilder areas(String primary, String... areas) {
			this.primary = primary;
			this.areas = List.of(areas);
			return this;
		}

		RequestBuilder modalities(Modality... modalities) {
			this.modalities = List.of(modalities);
			return this;
		}

		RequestBuilder languages(String... languages) {
			this.languages = List.of(languages);
			return this;
		}

		RequestBuilder window(LocalDate earliestStart, LocalDate latestEnd) {
			this.earliestStart = earliestStart;
			this.latestEnd = latestEnd;
			return this;
		}

		RequestBuilder funding(Funding funding) {
			this.funding = funding;
			return this;
		}

		RequestProfile profile() {
			return new RequestProfile(this.id, "TA-2027-" + this.id, "Request " + this.id,
					RequestStatus.OPEN_FOR_MATCHING, this.requesting, this.beneficiaries, this.primary, this.areas,
					this.modalities, this.languages, this.earliestStart, this.latestEnd, Urgency.ROUTINE, this.funding,
					null, null);
		}

		Demand demand(Vocabulary words) {
			return new Demand(profile(), words);
		}

	}

	static final class OfferBuilder {

		private long id = 1;

		private long organisationId = 1;

		private String provider = "SL";

		private OfferStatus status = OfferStatus.PUBLISHED;

		private List<String> areas = List.of("VALUATION");

		private List<Modality> modalities = List.of(Modality.WORKSHOP);

		private List<String> languages = List.of("en");

		private Reach reach = Reach.ALL;

		private List<String> reachRegions = List.of();

		private List<String> reachParticipants = List.of();

		private LocalDate availableFrom;

		private LocalDate availableUntil;

		private int capacityLeft = 1;

		private OfferFunding funding = OfferFunding.FULLY_FUNDED;

		private List<String> conflicts = List.of();

		OfferBuilder id(long id) {
			this.id = id;
			return this;
		}

		OfferBuilder organisation(long organisationId) {
			this.organisationId = organisationId;
			return this;
		}

		/** The participant whose agency offers it; null for an international provider. */
		OfferBuilder provider(String participant) {
			this.provider = participant;
			return this;
		}

		OfferBuilder status(OfferStatus status) {
			this.status = status;
			return this;
		}

		OfferBuilder areas(String... areas) {
			this.areas = List.of(areas);
			return this;
		}

		OfferBuilder modalities(Modality... modalities) {
			this.modalities = List.of(modalities);
			return this;
		}

		OfferBuilder languages(String... languages) {
			this.languages = List.of(languages);
			return this;
		}

		OfferBuilder reach(Reach reach) {
			this.reach = reach;
			this.reachRegions = List.of();
			this.reachParticipants = List.of();
			return this;
		}

		OfferBuilder reachRegions(String... regions) {
			this.reach = Reach.REGIONS;
			this.reachRegions = List.of(regions);
			this.reachParticipants = List.of();
			return this;
		}

		OfferBuilder reachParticipants(String... participants) {
			this.reach = Reach.PARTICIPANTS;
			this.reachRegions = List.of();
			this.reachParticipants = List.of(participants);
			return this;
		}

		OfferBuilder available(LocalDate from, LocalDate until) {
			this.availableFrom = from;
			this.availableUntil = until;
			return this;
		}

		OfferBuilder capacityLeft(int capacityLeft) {
			this.capacityLeft = capacityLeft;
			return this;
		}

		OfferBuilder funding(OfferFunding funding) {
			this.funding = funding;
			return this;
		}

		OfferBuilder conflicts(String... participants) {
			this.conflicts = List.of(participants);
			return this;
		}

		OfferProfile profile() {
			return new OfferProfile(this.id, "OF-2027-" + this.id, "Offer " + this.id, this.organisationId,
					this.status, this.areas, this.modalities, this.languages, this.reach, this.reachRegions,
					this.reachParticipants, this.availableFrom, this.availableUntil, this.capacityLeft + 1,
					this.capacityLeft, this.funding, this.conflicts);
		}

		Supply supply(Vocabulary words) {
			return new Supply(profile(), this.provider, words);
		}

	}

	/** Requests and offers of one planning run, sharing one vocabulary, with each organisation's record. */
	record Instance(List<Demand> demands, List<Supply> supplies, Map<Long, ProviderRecord> records) {

		ProviderRecord recordOf(long organisationId) {
			return this.records.getOrDefault(organisationId, ProviderRecord.NONE);
		}

		ProviderRecord recordOf(Supply supply) {
			return recordOf(supply.organisationId());
		}

	}

	// --- random instances --------------------------------------------------------------------------

	private final Random random;

	Instances(long seed) {
		this.random = new Random(seed);
	}

	/** Between 1 and {@code maxRequests} requests, between 1 and {@code maxOffers} offers. */
	Instance instance(int maxRequests, int maxOffers, int maxCapacity) {
		Vocabulary words = vocabulary();
		int requests = 1 + this.random.nextInt(maxRequests);
		int offers = 1 + this.random.nextInt(maxOffers);
		List<Demand> demands = new ArrayList<>();
		for (int r = 0; r < requests; r++) {
			demands.add(randomRequest(r + 1).demand(words));
		}
		List<Supply> supplies = new ArrayList<>();
		for (int o = 0; o < offers; o++) {
			supplies.add(randomOffer(o + 1, maxCapacity).supply(words));
		}
		Map<Long, ProviderRecord> records = new HashMap<>();
		for (long organisation = 1; organisation <= 3; organisation++) {
			records.put(organisation, randomRecord());
		}
		return new Instance(demands, supplies, records);
	}

	RequestBuilder randomRequest(long id) {
		RequestBuilder request = request().id(id).requesting(oneOf(PARTICIPANTS));
		if (chance(0.5)) {
			request.beneficiaries(someOf(PARTICIPANTS, 1, 2).toArray(String[]::new));
		}
		String primary = oneOf(AREAS);
		List<String> areas = new ArrayList<>(List.of(primary));
		AREAS.stream().filter(area -> !area.equals(primary) && chance(0.3)).forEach(areas::add);
		request.areas(primary, areas.toArray(String[]::new));
		request.modalities(chance(0.3) ? new Modality[0] : someOf(MODALITIES, 1, 2).toArray(Modality[]::new));
		request.languages(
				chance(0.1) ? new String[0] : someOf(LANGUAGES.subList(0, 3), 1, 2).toArray(String[]::new));
		LocalDate[] window = window(0.25, 0.15, 0, 90, 0, 60);
		request.window(window[0], window[1]);
		request.funding(chance(0.1) ? null : oneOf(Arrays.asList(Funding.values())));
		return request;
	}

	OfferBuilder randomOffer(long id, int maxCapacity) {
		OfferBuilder offer = offer().id(id).organisation(1 + this.random.nextInt(3));
		offer.provider(chance(0.2) ? null : oneOf(PARTICIPANTS));
		offer.status(chance(0.85) ? OfferStatus.PUBLISHED : oneOf(Arrays.asList(OfferStatus.values())));
		offer.areas(AREAS.stream().filter(area -> chance(0.45)).toArray(String[]::new));
		offer.modalities(someOf(MODALITIES, 1, 2).toArray(Modality[]::new));
		offer.languages(someOf(LANGUAGES, 1, 3).toArray(String[]::new));
		double reach = this.random.nextDouble();
		if (reach < 0.5) {
			offer.reach(Reach.ALL);
		}
		else if (reach < 0.6) {
			offer.reach(null);
		}
		else if (reach < 0.8) {
			offer.reachRegions(someOf(REGIONS, 1, 2).toArray(String[]::new));
		}
		else {
			offer.reachParticipants(someOf(PARTICIPANTS, 1, 4).toArray(String[]::new));
		}
		LocalDate[] window = window(0.4, 0.2, -30, 120, 10, 120);
		offer.available(window[0], window[1]);
		offer.capacityLeft(this.random.nextInt(maxCapacity + 1));
		offer.funding(chance(0.1) ? null : oneOf(Arrays.asList(OfferFunding.values())));
		if (chance(0.3)) {
			offer.conflicts(someOf(PARTICIPANTS, 1, 2).toArray(String[]::new));
		}
		return offer;
	}

	ProviderRecord randomRecord() {
		return chance(0.3) ? ProviderRecord.NONE
				: new ProviderRecord(this.random.nextInt(6), this.random.nextInt(4));
	}

	/** Both ends open, or one, or a window starting between the bounds given, lasting so many days more. */
	private LocalDate[] window(double bothOpen, double oneOpen, int firstStart, int lastStart, int minLength,
			int maxLength) {
		double draw = this.random.nextDouble();
		if (draw < bothOpen) {
			return new LocalDate[] { null, null };
		}
		LocalDate start = DAY_ZERO.plusDays(firstStart + this.random.nextInt(lastStart - firstStart + 1));
		LocalDate end = start.plusDays(minLength + this.random.nextInt(maxLength - minLength + 1));
		if (draw < bothOpen + oneOpen) {
			return chance(0.5) ? new LocalDate[] { null, end } : new LocalDate[] { start, null };
		}
		return new LocalDate[] { start, end };
	}

	private boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	private <T> T oneOf(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** Between {@code min} and {@code max} distinct values, in a random order. */
	private <T> List<T> someOf(List<T> values, int min, int max) {
		List<T> shuffled = new ArrayList<>(values);
		java.util.Collections.shuffle(shuffled, this.random);
		return List.copyOf(shuffled.subList(0, min + this.random.nextInt(max - min + 1)));
	}

}
