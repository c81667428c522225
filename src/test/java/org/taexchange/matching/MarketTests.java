package org.taexchange.matching;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.taexchange.offers.OfferImport;
import org.taexchange.offers.OfferProfile;
import org.taexchange.participants.Directory;
import org.taexchange.participants.OrganisationSummary;
import org.taexchange.requests.RequestImport;
import org.taexchange.requests.RequestProfile;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic market of the demo and the benchmark: seeded, drawn over the portal's own participants
 * and areas with the popular areas contested, and imported through each module's own steps.
 */
@IntegrationTest
class MarketTests {

	@Autowired
	Directory directory;

	@Autowired
	RequestImport requestImport;

	@Autowired
	OfferImport offerImport;

	@Autowired
	Planning planning;

	@Autowired
	JdbcTemplate jdbc;

	private List<Long> organisations() {
		return this.directory.activeOrganisations().stream().map(OrganisationSummary::id).toList();
	}

	@Test
	void theSameSeedGivesTheSameMarket() {
		LocalDate today = LocalDate.of(2026, 11, 27);
		MarketGenerator one = MatchingSeeding.generator(this.directory, 5, today);
		MarketGenerator two = MatchingSeeding.generator(this.directory, 5, today);
		assertThat(one.requests(200)).isEqualTo(two.requests(200));
		assertThat(one.offers(100, organisations())).isEqualTo(two.offers(100, organisations()));
	}

	@Test
	void requestsCrowdOnThePopularAreasMoreThanOffersDo() {
		MarketGenerator market = MatchingSeeding.generator(this.directory, 11, LocalDate.of(2026, 11, 27));
		List<RequestProfile> requests = market.requests(3000);
		List<OfferProfile> offers = market.offers(3000, organisations());
		double requestShare = share(requests.stream().map(RequestProfile::primaryArea).toList(), "VALUATION");
		double offerShare = share(offers.stream().flatMap(o -> o.areas().stream()).toList(), "VALUATION");
		assertThat(requestShare).isGreaterThan(offerShare * 1.5);
		assertThat(requests.stream().map(RequestProfile::requestingParticipant).distinct().count())
			.isEqualTo(this.directory.activeParticipants(Locale.ENGLISH).size());
	}

	private static double share(List<String> drawn, String area) {
		Map<String, Integer> counts = new HashMap<>();
		drawn.forEach(code -> counts.merge(code, 1, Integer::sum));
		return (double) counts.getOrDefault(area, 0) / drawn.size();
	}

	@Test
	void anImportedMarketIsOpenPublishedLoggedAndPlannedBetterThanGreedy() {
		MarketGenerator market = MatchingSeeding.generator(this.directory, 3, LocalDate.now());
		long owner = this.jdbc.queryForObject("select id from account where email = 'coordinator@example.org'",
				Long.class);
		long provider = this.jdbc.queryForObject("select id from account where email = 'provider@example.org'",
				Long.class);
		List<String> requests = this.requestImport.openForMatching(market.requests(40), owner);
		List<String> offers = this.offerImport.published(market.offers(15, organisations()), provider);
		assertThat(requests).hasSize(40).allMatch(reference -> reference.startsWith("TA-"));
		assertThat(offers).hasSize(15).allMatch(reference -> reference.startsWith("OF-"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from decision_log where subject_id = ? and action = 'OPENED_FOR_MATCHING'", Long.class,
				requests.get(0)))
			.isEqualTo(1);
		Planning.Page plan = this.planning.page(Locale.ENGLISH);
		assertThat(plan.optimalMatched()).isPositive();
		assertThat(plan.optimalTotal()).isGreaterThanOrEqualTo(plan.greedyTotal());
	}
}
