package org.taexchange.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import org.taexchange.accounts.AccountUser;
import org.taexchange.offers.OfferImport;
import org.taexchange.participants.AreaOption;
import org.taexchange.participants.Directory;
import org.taexchange.participants.OrganisationSummary;
import org.taexchange.participants.ParticipantOption;
import org.taexchange.platform.DemoData;
import org.taexchange.requests.RequestImport;

/**
 * The demo's market: besides the hand-written demo requests and offers, a seeded synthetic set of
 * requests open for matching and published offers ({@code app.demo.market.requests} and
 * {@code .offers}), so that the suggestions are many and the global plan has contested offers to
 * decide about. Created once, through each module's own steps.
 */
@Component
@Order(30)
class MatchingSeeding implements ApplicationRunner {

	/** Areas in the order of how often participants ask for them: the first ones are contested. */
	static final List<String> POPULARITY = List.of("VALUATION", "INTERNAL_CONTROLS", "STATISTICS", "FORMALISATION",
			"CERTIFICATES", "ENFORCEMENT", "FOOTPRINTING", "PEER_REVIEW", "DIGITAL_CERTIFICATES", "LEGISLATION",
			"INSTITUTIONS", "COMMUNITIES", "REGIONAL", "GEOLOGY");

	private static final Logger log = LoggerFactory.getLogger(MatchingSeeding.class);

	private final DemoData demoData;

	private final Directory directory;

	private final MatchingData data;

	private final RequestImport requests;

	private final OfferImport offers;

	private final UserDetailsService people;

	private final Clock clock;

	private final int requestCount;

	private final int offerCount;

	MatchingSeeding(DemoData demoData, Directory directory, MatchingData data, RequestImport requests,
			OfferImport offers, UserDetailsService people, Clock clock,
			@Value("${app.demo.market.requests:60}") int requestCount,
			@Value("${app.demo.market.offers:30}") int offerCount) {
		this.demoData = demoData;
		this.directory = directory;
		this.data = data;
		this.requests = requests;
		this.offers = offers;
		this.people = people;
		this.clock = clock;
		this.requestCount = requestCount;
		this.offerCount = offerCount;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demoData.wanted() || this.requestCount == 0 || this.data.openRequests().size() > 1) {
			return;
		}
		AccountUser coordinator;
		AccountUser provider;
		try {
			coordinator = (AccountUser) this.people.loadUserByUsername("coordinator@example.org");
			provider = (AccountUser) this.people.loadUserByUsername("provider@example.org");
		}
		catch (UsernameNotFoundException ex) {
			return;
		}
		MarketGenerator market = generator(this.directory, 2026, LocalDate.now(this.clock));
		List<Long> organisations = this.directory.activeOrganisations().stream().map(OrganisationSummary::id).toList();
		this.requests.openForMatching(market.requests(this.requestCount), coordinator.id());
		this.offers.published(market.offers(this.offerCount, organisations), provider.id());
		log.info("Demo market: {} requests open for matching and {} published offers", this.requestCount,
				this.offerCount);
	}

	/** A generator over the portal's own participants and areas, the popular areas first. */
	static MarketGenerator generator(Directory directory, long seed, LocalDate today) {
		List<String> participants = directory.activeParticipants(Locale.ENGLISH)
			.stream()
			.map(ParticipantOption::code)
			.sorted()
			.toList();
		Map<String, String> regions = directory.participantRegions();
		List<String> areas = new ArrayList<>(directory.expertiseAreaGroups(Locale.ENGLISH)
			.stream()
			.flatMap(group -> group.areas().stream())
			.map(AreaOption::code)
			.toList());
		areas.sort(Comparator.comparingInt(code -> POPULARITY.contains(code) ? POPULARITY.indexOf(code)
				: POPULARITY.size()));
		return new MarketGenerator(seed, participants, regions, areas, today);
	}
}
