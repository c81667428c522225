package org.taexchange.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
 * A seeded synthetic market of requests and offers, for the demo volume and the matching benchmark.
 * Areas are unevenly popular (a Zipf-like law), more so among requests than among offers, so that the
 * popular offers are contested and the plan has something to decide; requesters come from all the
 * participants, speak the languages usual in their region, and ask for windows in the coming two years.
 */
final class MarketGenerator {

	private static final Modality[] MODALITIES = Modality.values();

	private final Random random;

	private final List<String> participants;

	private final Map<String, String> regions;

	private final List<String> areas;

	private final LocalDate today;

	/**
	 * @param participants the participant codes requests come from
	 * @param regions each participant's region
	 * @param areas the expertise areas, most popular first
	 */
	MarketGenerator(long seed, List<String> participants, Map<String, String> regions, List<String> areas,
			LocalDate today) {
		this.random = new Random(seed);
		this.participants = List.copyOf(participants);
		this.regions = regions;
		this.areas = List.copyOf(areas);
		this.today = today;
	}

	List<RequestProfile> requests(int count) {
		List<RequestProfile> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String participant = pick(this.participants);
			List<String> beneficiaries = new ArrayList<>(List.of(participant));
			if (this.random.nextInt(8) == 0) {
				beneficiaries.add(neighbourOf(participant));
			}
			List<String> wanted = new ArrayList<>(areas(1 + this.random.nextInt(3), 1.2));
			LocalDate start = this.today.plusDays(30 + this.random.nextInt(540));
			LocalDate end = start.plusDays(30 + this.random.nextInt(240));
			requests.add(new RequestProfile(i + 1, null, "Assistance " + (i + 1) + " for " + participant,
					RequestStatus.OPEN_FOR_MATCHING, participant, beneficiaries.stream().distinct().toList(),
					wanted.get(0), wanted, modalities(1 + this.random.nextInt(2)), languagesOf(participant), start,
					end, Urgency.values()[this.random.nextInt(Urgency.values().length)],
					Funding.values()[this.random.nextInt(Funding.values().length)], null, null));
		}
		return requests;
	}

	/** @param organisations the organisations offering, by id */
	List<OfferProfile> offers(int count, List<Long> organisations) {
		List<OfferProfile> offers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long organisation = organisations.get(this.random.nextInt(organisations.size()));
			List<String> covered = areas(1 + this.random.nextInt(4), 0.6);
			Reach reach = this.random.nextInt(4) == 0 ? Reach.REGIONS : Reach.ALL;
			List<String> reachRegions = reach == Reach.REGIONS ? List.of(this.regions.get(pick(this.participants)))
					: List.of();
			List<String> languages = this.random.nextInt(3) == 0 ? List.of("en", "fr")
					: List.of(this.random.nextInt(3) == 0 ? "fr" : "en");
			LocalDate from = this.today.plusDays(this.random.nextInt(180));
			LocalDate until = from.plusDays(180 + this.random.nextInt(540));
			List<String> conflicts = this.random.nextInt(10) == 0 ? List.of(pick(this.participants)) : List.of();
			int capacity = 1 + this.random.nextInt(3);
			offers.add(new OfferProfile(i + 1, null, "Expertise " + (i + 1), organisation, OfferStatus.PUBLISHED,
					covered, modalities(1 + this.random.nextInt(3)), languages, reach, reachRegions, List.of(), from,
					until, capacity, capacity, OfferFunding.values()[this.random.nextInt(OfferFunding.values().length)],
					conflicts));
		}
		return offers;
	}

	/** Distinct areas drawn with weight 1 / rank^exponent: the higher the exponent, the more uneven. */
	private List<String> areas(int count, double exponent) {
		double[] weights = new double[this.areas.size()];
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = 1 / Math.pow(i + 1, exponent);
			total += weights[i];
		}
		Set<String> chosen = new LinkedHashSet<>();
		while (chosen.size() < Math.min(count, this.areas.size())) {
			double draw = this.random.nextDouble() * total;
			int i = 0;
			while (draw > weights[i] && i < weights.length - 1) {
				draw -= weights[i++];
			}
			chosen.add(this.areas.get(i));
		}
		return List.copyOf(chosen);
	}

	private List<Modality> modalities(int count) {
		Set<Modality> chosen = new LinkedHashSet<>();
		while (chosen.size() < count) {
			chosen.add(MODALITIES[this.random.nextInt(MODALITIES.length)]);
		}
		return List.copyOf(chosen);
	}

	/** English everywhere, French often in Africa and Europe, sometimes Portuguese or Spanish. */
	private List<String> languagesOf(String participant) {
		String region = this.regions.getOrDefault(participant, "");
		int draw = this.random.nextInt(10);
		return switch (region) {
			case "Africa" -> draw < 4 ? List.of("fr") : draw < 5 ? List.of("pt", "en") : List.of("en");
			case "Europe" -> draw < 3 ? List.of("en", "fr") : List.of("en");
			case "Americas" -> draw < 3 ? List.of("es", "en") : List.of("en");
			default -> List.of("en");
		};
	}

	private String neighbourOf(String participant) {
		String region = this.regions.get(participant);
		List<String> near = this.participants.stream().filter(p -> region != null && region.equals(this.regions.get(p)))
			.toList();
		return near.isEmpty() ? participant : pick(near);
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}
}
