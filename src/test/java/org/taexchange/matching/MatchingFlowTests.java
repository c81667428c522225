package org.taexchange.matching;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * The matching pages end to end through MockMvc with the real security: suggestions with their
 * explanation, a proposal, each side's step, the capacity and the request's status following, the
 * plan and the board.
 */
@IntegrationTest
class MatchingFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	MatchExamples examples;

	@BeforeEach
	void examples() {
		this.examples = new MatchExamples(this.context);
	}

	private Document page(String path, String email) throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(signedIn(this.examples.person(email))))
			.andExpect(status().isOk())
			.andReturn();
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private String step(String path, String email, String... parameters) throws Exception {
		var request = post(path).with(signedIn(this.examples.person(email))).with(csrf());
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return this.mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void aCoordinatorProposesTheBestSuggestionAndBothSidesAgree() throws Exception {
		String request = this.examples.requests().openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
		String offer = this.examples.offer();
		long offerId = this.examples.offers().idOf(offer);
		Document suggestions = page("/admin/requests/" + request + "/matching", MatchExamples.COORDINATOR);
		assertThat(suggestions.text()).contains(offer)
			.contains("Expertise: 35 of 35.")
			.contains("2 of 2 requested areas, including the primary one – Rough-diamond valuation");

		try {
			// choosing French is remembered for the account: the same explanation, in French
			assertThat(page("/admin/requests/" + request + "/matching?lang=fr", MatchExamples.COORDINATOR).text())
				.contains("Expertise : 35 sur 35.")
				.contains("2 des 2 domaines demandés, dont le domaine principal – Évaluation des diamants bruts");
		}
		finally {
			page("/admin/requests/" + request + "/matching?lang=en", MatchExamples.COORDINATOR);
		}

		String matchPage = step("/admin/requests/" + request + "/matching", MatchExamples.COORDINATOR, "offer",
				String.valueOf(offerId));
		assertThat(matchPage).startsWith("/matches/");
		long id = Long.parseLong(matchPage.substring("/matches/".length()));
		int usedBefore = capacityUsed(offerId);

		// the provider does not see a proposal the coordinator has not approved
		this.mvc.perform(get(matchPage).with(signedIn(this.examples.person(MatchExamples.PROVIDER))))
			.andExpect(status().isNotFound());
		step(matchPage + "/approve", MatchExamples.COORDINATOR, "version", String.valueOf(this.examples.versionOf(id)));
		assertThat(this.examples.statusNameOf(id)).isEqualTo("APPROVED");
		assertThat(page(matchPage, MatchExamples.PROVIDER).text()).contains("Please accept this engagement");
		step(matchPage + "/accept", MatchExamples.PROVIDER, "version", String.valueOf(this.examples.versionOf(id)));
		assertThat(page(matchPage, MatchExamples.OFFICIAL).text()).contains("Please confirm this match");
		step(matchPage + "/confirm", MatchExamples.OFFICIAL, "version", String.valueOf(this.examples.versionOf(id)));

		assertThat(this.examples.statusNameOf(id)).isEqualTo("CONFIRMED");
		assertThat(capacityUsed(offerId)).isEqualTo(usedBefore + 1);
		assertThat(this.jdbc.queryForObject("select status from assistance_request where reference = ?", String.class,
				request))
			.isEqualTo("MATCHED");
		assertThat(this.jdbc.queryForList(
				"select action from decision_log where subject_type = 'MATCH' and subject_id = ? order by id",
				String.class, request + " ↔ " + offer))
			.containsExactly("MATCH_PROPOSED", "MATCH_APPROVED", "MATCH_ACCEPTED", "MATCH_CONFIRMED");
		assertThat(page("/matches", MatchExamples.OFFICIAL).text()).contains(request);
		assertThat(page("/admin/matches?status=CONFIRMED", MatchExamples.COORDINATOR).text()).contains(request);
	}

	@Test
	void thePlanPageShowsBothTotalsAndProposesOnlyTheSelectedRows() throws Exception {
		String request = this.examples.requests().openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
		this.examples.offer();
		Document plan = page("/admin/plan", MatchExamples.COORDINATOR);
		assertThat(plan.text()).contains("Optimal plan").contains("Best pair first").contains(request);
		String row = plan.select("input[name=row]")
			.stream()
			.filter(input -> input.parent().parent().text().contains(request))
			.findFirst()
			.orElseThrow()
			.val();
		long before = this.jdbc.queryForObject("select count(*) from request_match", Long.class);
		step("/admin/plan", MatchExamples.COORDINATOR, "row", row);
		assertThat(this.jdbc.queryForObject("select count(*) from request_match", Long.class)).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject(
				"select origin from request_match m join assistance_request r on r.id = m.request_id where r.reference = ?",
				String.class, request))
			.isEqualTo("PLAN");
	}

	@Test
	void aPickByHandNeedsAReasonAndKeepsWhatWasTyped() throws Exception {
		String request = this.examples.requests().openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
		String offer = this.examples.offer();
		MvcResult result = this.mvc
			.perform(post("/admin/requests/" + request + "/matching")
				.with(signedIn(this.examples.person(MatchExamples.COORDINATOR)))
				.with(csrf())
				.param("byHand", "true")
				.param("offer", String.valueOf(this.examples.offers().idOf(offer)))
				.param("reason", " "))
			.andExpect(status().isOk())
			.andReturn();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select(".error-summary").text()).contains("Give the reason for picking this offer by hand.");
		assertThat(page.select("#hand-offer option[selected]").val())
			.isEqualTo(String.valueOf(this.examples.offers().idOf(offer)));
	}

	@Test
	void withdrawingARequestCancelsItsMatchAndGivesTheEngagementBack() throws Exception {
		long id = this.examples.approved();
		long offerId = this.jdbc.queryForObject("select offer_id from request_match where id = ?", Long.class, id);
		String request = this.jdbc.queryForObject("select request_reference from request_match where id = ?",
				String.class, id);
		assertThat(capacityHeld(offerId)).isEqualTo(1);
		long version = this.examples.requests().versionOf(this.examples.requests().idOf(request));
		step("/requests/" + request + "/withdraw", MatchExamples.OFFICIAL, "version", String.valueOf(version));

		// the match hears of it after the withdrawal committed, through the event publication registry
		await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(this.examples.statusNameOf(id)));
		assertThat(capacityHeld(offerId)).isZero();
		assertThat(this.jdbc.queryForObject(
				"select actor from decision_log where subject_type = 'MATCH' and action = 'MATCH_CANCELLED' and subject_id like ?",
				String.class, request + " %"))
			.isEqualTo("system");
	}

	private int capacityHeld(long offerId) {
		return this.jdbc.queryForObject("select capacity_held from offer where id = ?", Integer.class, offerId);
	}

	private int capacityUsed(long offerId) {
		return this.jdbc.queryForObject("select capacity_used from offer where id = ?", Integer.class, offerId);
	}
}
