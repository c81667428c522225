package org.taexchange.matching;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.taexchange.accounts.AccountUser;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.StatementCounts;
import org.taexchange.support.StatementCounts.Counted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * What the coordinators' matching pages cost in SQL statements, counted by Hibernate: the same whatever
 * the number of open offers, open requests or matches they show, so no statement per row. Other tests and
 * the demo data add offers, requests and matches too, so each page is measured before and after this
 * class adds its own, and compared with itself.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingQueriesTests {

	static final int MORE = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private MatchExamples examples;

	private StatementCounts counts;

	@BeforeAll
	void statistics() {
		this.examples = new MatchExamples(this.context);
		this.counts = new StatementCounts(this.context);
	}

	@Test
	void aRequestsSuggestionsRunAsManyStatementsWithTwentyMoreOpenOffers() throws Exception {
		String reference = this.examples.requests()
			.openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
		MockHttpServletRequestBuilder suggestions = get("/admin/requests/{ref}/matching", reference)
			.with(signedIn(coordinator()));
		while (suggestionsPage(measure(suggestions)).picks().size() < 2) {
			this.examples.offer();
		}

		Counted few = measure(suggestions);
		int offers = suggestionsPage(few).picks().size();
		for (int i = 0; i < MORE; i++) {
			this.examples.offer();
		}
		Counted many = measure(suggestions);

		assertThat(suggestionsPage(many).picks()).as("open offers").hasSize(offers + MORE);
		assertThat(suggestionsPage(many).suggestions()).as("offers that fit the request").isNotEmpty();
		System.out.printf("/admin/requests/{ref}/matching: %d statements with %d open offers, %d with %d%n",
				few.statements(), offers, many.statements(), offers + MORE);
		assertThat(many.statements()).as("statements with %d open offers, against %d with %d", offers + MORE,
				few.statements(), offers)
			.isEqualTo(few.statements());
	}

	@Test
	void thePlanRunsAsManyStatementsWithTwentyMoreOpenOffersAndTwentyMoreOpenRequests() throws Exception {
		MockHttpServletRequestBuilder plan = get("/admin/plan").with(signedIn(coordinator()));
		this.examples.requests().openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
		while (planPage(measure(plan)).offers() < 2) {
			this.examples.offer();
		}

		Counted few = measure(plan);
		Planning.Page before = planPage(few);
		for (int i = 0; i < MORE; i++) {
			this.examples.offer();
		}
		Counted moreOffers = measure(plan);
		for (int i = 0; i < MORE; i++) {
			this.examples.requests().openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
		}
		Counted moreRequests = measure(plan);

		assertThat(planPage(moreOffers).offers()).as("open offers").isEqualTo(before.offers() + MORE);
		assertThat(planPage(moreRequests).requests()).as("open requests").isEqualTo(before.requests() + MORE);
		assertThat(planPage(moreRequests).rows()).as("rows of the plan").hasSizeGreaterThan(before.rows().size());
		System.out.printf("/admin/plan: %d statements with %d requests and %d offers, %d with %d offers,"
				+ " %d with %d requests and %d offers%n", few.statements(), before.requests(), before.offers(),
				moreOffers.statements(), before.offers() + MORE, moreRequests.statements(), before.requests() + MORE,
				before.offers() + MORE);
		assertThat(moreOffers.statements()).as("statements with %d more open offers", MORE)
			.isEqualTo(few.statements());
		assertThat(moreRequests.statements()).as("statements with %d more open requests", MORE)
			.isEqualTo(few.statements());
	}

	@Test
	void theBoardOfMatchesRunsAsManyStatementsForAPageOfTwentyMatchesAsForAPageOfTwo() throws Exception {
		String offer = this.examples.offer();
		int size = MatchingAdminController.PAGE_SIZE;

		int lastPage = addMatchesUntilTheLastPageHolds(2, offer, size);
		Counted two = measure(board(lastPage));
		assertThat(boardPage(two).page().getContent()).hasSize(2);
		lastPage = addMatchesUntilTheLastPageHolds(20, offer, size);
		Counted twenty = measure(board(lastPage));
		assertThat(boardPage(twenty).page().getContent()).hasSize(20);
		Counted proposed = measure(get("/admin/matches").param("status", "PROPOSED").with(signedIn(coordinator())));
		Counted overdue = measure(get("/admin/matches").param("overdue", "true").with(signedIn(coordinator())));

		System.out.printf("/admin/matches: %d statements for 2 matches, %d for 20; %d filtered by status, %d for"
				+ " the overdue ones%n", two.statements(), twenty.statements(), proposed.statements(),
				overdue.statements());
		assertThat(twenty.statements()).as("statements for 20 matches, against %d for 2", two.statements())
			.isEqualTo(two.statements());
		// a first page that is full also counts all the matches; one that is not knows the total without asking
		long count = boardPage(proposed).page().getContent().size() == size ? 1 : 0;
		assertThat(proposed.statements() - count).as("statements for the proposed ones, besides the count")
			.isEqualTo(two.statements());
		assertThat(overdue.statements()).as("statements for the overdue ones").isEqualTo(two.statements());
	}

	// --- helpers ---------------------------------------------------------------------------------------

	/** A page as it was answered, and the statements Hibernate prepared for it. */
	private AccountUser coordinator() {
		return this.examples.person(MatchExamples.COORDINATOR);
	}

	private MockHttpServletRequestBuilder board(int page) {
		return get("/admin/matches").param("page", String.valueOf(page)).with(signedIn(coordinator()));
	}

	/**
	 * Proposes matches on the offer for fresh requests until the board's last page (every match, by the
	 * time their status changed) holds the given number of rows; the number of that page.
	 */
	private int addMatchesUntilTheLastPageHolds(int rows, String offer, int size) throws Exception {
		long total = boardPage(measure(board(0))).page().getTotalElements();
		while (total < size || total % size != rows) {
			String request = this.examples.requests()
				.openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
			this.examples.proposed(request, offer);
			total++;
		}
		assertThat(boardPage(measure(board(0))).page().getTotalElements()).as("matches on the board")
			.isEqualTo(total);
		return (int) (total / size);
	}

	/** Runs the request twice (the first warms what is read once per application) and counts the second. */
	private Counted measure(MockHttpServletRequestBuilder request) throws Exception {
		this.mvc.perform(request).andReturn();
		return this.counts.count(request);
	}

	private static Suggestions.Page suggestionsPage(Counted measured) {
		return (Suggestions.Page) measured.result().getModelAndView().getModel().get("page");
	}

	private static Planning.Page planPage(Counted measured) {
		return (Planning.Page) measured.result().getModelAndView().getModel().get("plan");
	}

	private static MatchPages.Board boardPage(Counted measured) {
		return (MatchPages.Board) measured.result().getModelAndView().getModel().get("board");
	}
}
