package org.taexchange.offers;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.taexchange.accounts.AccountUser;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.StatementCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * What the lists of offers cost in SQL statements: the same for a page of two offers as for a page
 * of nineteen, so no statement per row. Page sizes are fixed, so the number of rows is chosen by
 * adding offers until the last page holds that many. A full page also counts all the matches (a
 * page that is not full knows the total without asking), so that one statement is left out of
 * the comparison. Other tests and the demo data add offers too; the totals are read before each step.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferListQueriesTests {

	static final String OFFICIAL = "official.sl@example.org";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private OfferExamples examples;

	private StatementCounts counts;

	@BeforeAll
	void statistics() {
		this.examples = new OfferExamples(this.context);
		this.counts = new StatementCounts(this.context);
	}

	@Test
	void theCatalogueRunsAsManyStatementsForAPageOfNineteenOffersAsForAPageOfTwo() throws Exception {
		AccountUser official = this.examples.person(OFFICIAL);
		IntFunction<MockHttpServletRequestBuilder> catalogue = page -> get("/offers")
			.param("page", String.valueOf(page))
			.with(signedIn(official));
		int size = CatalogueController.PAGE_SIZE;

		int lastPage = addOffersUntilTheLastPageHolds(2, catalogue, size, true);
		statementsFor(catalogue.apply(lastPage), 2, size);
		long two = statementsFor(catalogue.apply(lastPage), 2, size);
		lastPage = addOffersUntilTheLastPageHolds(19, catalogue, size, true);
		long nineteen = statementsFor(catalogue.apply(lastPage), 19, size);
		long full = statementsFor(catalogue.apply(0), size, size);

		assertThat(nineteen).as("statements for 19 offers, against %d for 2", two).isEqualTo(two);
		assertThat(full).as("statements for a full page of %d offers, besides the count", size).isEqualTo(two);
		String month = YearMonth.from(LocalDate.now(ZoneOffset.UTC).plusMonths(2)).toString();
		long filtered = statementsFor(get("/offers").param("area", "VALUATION")
			.param("language", "en")
			.param("modality", "WORKSHOP")
			.param("funding", "FULLY_FUNDED")
			.param("month", month)
			.with(signedIn(official)), -1, size);
		assertThat(filtered).as("statements with every filter").isEqualTo(two);
	}

	@Test
	void theVettingListRunsAsManyStatementsForAPageOfTwentyFourOffersAsForAPageOfTwo() throws Exception {
		AccountUser coordinator = this.examples.person(OfferExamples.COORDINATOR);
		IntFunction<MockHttpServletRequestBuilder> queue = page -> get("/admin/offers")
			.param("page", String.valueOf(page))
			.with(signedIn(coordinator));
		int size = VettingController.PAGE_SIZE;

		int lastPage = addOffersUntilTheLastPageHolds(2, queue, size, false);
		statementsFor(queue.apply(lastPage), 2, size);
		long two = statementsFor(queue.apply(lastPage), 2, size);
		lastPage = addOffersUntilTheLastPageHolds(24, queue, size, false);
		long twentyFour = statementsFor(queue.apply(lastPage), 24, size);
		long full = statementsFor(queue.apply(0), size, size);

		assertThat(twentyFour).as("statements for 24 offers, against %d for 2", two).isEqualTo(two);
		assertThat(full).as("statements for a full page of %d offers, besides the count", size).isEqualTo(two);
		long wco = this.examples.offer(this.examples.idOf(this.examples.submitted(OfferExamples.PROVIDER)))
			.getOrganisationId();
		long filtered = statementsFor(get("/admin/offers").param("status", "SUBMITTED")
			.param("organisation", String.valueOf(wco))
			.with(signedIn(coordinator)), -1, size);
		assertThat(filtered).as("statements with every filter").isEqualTo(two);
	}

	/**
	 * Adds offers of the demo provider (published, or sent for vetting) until the list's last page
	 * holds the given number of rows; the number of that page.
	 */
	private int addOffersUntilTheLastPageHolds(int rows, IntFunction<MockHttpServletRequestBuilder> list, int size,
			boolean published) throws Exception {
		long total = page(list.apply(0)).getTotalElements();
		while (total < size || total % size != rows) {
			if (published) {
				this.examples.published(OfferExamples.PROVIDER);
			}
			else {
				this.examples.submitted(OfferExamples.PROVIDER);
			}
			total++;
		}
		assertThat(page(list.apply(0)).getTotalElements()).as("offers listed").isEqualTo(total);
		return (int) (total / size);
	}

	private Page<?> page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return (Page<?>) result.getModelAndView().getModel().get("page");
	}

	/**
	 * Runs the request, checks that it showed that many offers (unless -1), and returns the statements
	 * Hibernate prepared, less the count of all matches when the page was full.
	 */
	private long statementsFor(MockHttpServletRequestBuilder request, int rows, int size) throws Exception {
		StatementCounts.Counted counted = this.counts.count(request);
		long statements = counted.statements();
		Page<?> page = (Page<?>) counted.result().getModelAndView().getModel().get("page");
		if (rows >= 0) {
			assertThat(page.getContent()).hasSize(rows);
		}
		return page.getContent().size() == size ? statements - 1 : statements;
	}
}
