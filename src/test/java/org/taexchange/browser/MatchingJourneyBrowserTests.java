package org.taexchange.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import org.taexchange.matching.MatchExamples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching as the people involved see it: a coordinator reads why the offers fit a request opened
 * for matching and proposes the best one, approves it, the provider accepts, the requesting official
 * confirms (in English, or in French for Côte d'Ivoire) and the offer has one engagement less; then
 * the coordinator proposes rows of the global plan and finds them on the board.
 *
 * <p>
 * The requests and offers are made fresh for each test through the examples, so that what other
 * tests left in the database does not change what is found: pages are searched for these references
 * only.
 */
class MatchingJourneyBrowserTests extends BrowserTest {

	private static final String COORDINATOR = "coordinator@example.org";

	private static final String PROVIDER = "provider@example.org";

	private static final String OFFICIAL_SL = "official.sl@example.org";

	private static final String OFFICIAL_CI = "official.ci@example.org";

	private static final Pattern SCORE = Pattern.compile("^(\\d+)/100\\b");

	private static final Pattern CAPACITY = Pattern.compile("^(\\d+) of (\\d+)$");

	private static final Pattern OFFER_REFERENCE = Pattern.compile("^OF-\\d{4}-\\d{4,}$");

	@Autowired
	private ApplicationContext context;

	private MatchExamples examples;

	@BeforeEach
	void examples() {
		this.examples = new MatchExamples(this.context);
	}

	@Test
	void theBestOfferIsProposedApprovedAcceptedAndConfirmedThenRowsOfThePlanAreProposed() {
		String request = this.examples.requests().openForMatching(OFFICIAL_SL, COORDINATOR);
		// the examples' offers fit the example requests equally well: the best may be one an earlier test made
		this.examples.offer();

		// from the request's page to its suggestions, each explained part by part
		BrowserSession coordinator = this.browser;
		coordinator.signIn(COORDINATOR, DEMO_PASSWORD);
		coordinator.visit("/admin/requests/" + request);
		coordinator.followLink("Find an offer");
		assertThat(coordinator.page()).hasURL(Pattern.compile("/admin/requests/" + request + "/matching$"));
		assertThat(coordinator.heading("Offers for " + request)).isVisible();
		assertThat(statusOf(coordinator)).hasText("Status: open for matching");
		Locator ranked = section(coordinator, Pattern.compile("^The best (\\d+ )?suggestions?$")).getByRole(AriaRole.ARTICLE);
		Locator best = ranked.first();
		assertThat(best).containsText("World Customs Organization");
		assertThat(best.getByRole(AriaRole.LISTITEM)).containsText(new String[] {
				"Expertise: 35 of 35. 2 of 2 requested areas, including the primary one – Rough-diamond valuation",
				"Way of working:", "Language:", "Timing:", "Funding:", "Provider’s record:", "Region:" });
		String offer = best.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(OFFER_REFERENCE))
			.textContent()
			.strip();
		int score = scoreOf(best);
		for (Locator other : ranked.all()) {
			assertThat(scoreOf(other)).as("the score of a suggestion ranked below the best").isLessThanOrEqualTo(score);
		}

		// the offers left out say why; the page stays accessible with them shown
		coordinator.page().getByText(Pattern.compile("^Offers filtered out \\(\\d+\\)$")).click();
		assertThat(coordinator.page().locator("details")).hasAttribute("open", "");
		coordinator.checkAccessibility();

		coordinator.press("Propose " + offer);
		assertThat(coordinator.page()).hasURL(Pattern.compile("/matches/\\d+$"));
		long id = Long.parseLong(coordinator.page().url().replaceFirst("^.*/matches/(\\d+)$", "$1"));
		assertThat(coordinator.heading("Match of " + request + " with " + offer)).isVisible();
		assertThat(coordinator.page().getByRole(AriaRole.STATUS))
			.hasText("The match is proposed. Approve it to ask the provider.");
		assertThat(statusOf(coordinator)).hasText("Status: Proposed");
		assertThat(coordinator.page()
			.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setLevel(2).setName("Score: " + score + " out of 100").setExact(true)))
			.isVisible();
		assertThat(scorePart(coordinator, "Expertise")).containsText(new String[] { "Expertise", "35 of 35",
				"2 of 2 requested areas, including the primary one – Rough-diamond valuation" });
		assertThat(described(coordinator, "Origin")).hasText("Suggested by the matching");
		Locator engagementsLeft = described(coordinator, "Engagements left on the offer");
		assertThat(engagementsLeft).hasText(Pattern.compile("^\\d+ of \\d+$"));
		Matcher before = CAPACITY.matcher(engagementsLeft.textContent().strip());
		assertThat(before.matches()).isTrue();
		int left = Integer.parseInt(before.group(1));
		String capacity = before.group(2);
		assertThat(left).isPositive();

		coordinator.press("Approve");
		assertThat(coordinator.page().getByRole(AriaRole.STATUS))
			.hasText("The match is approved; the provider is asked to accept.");
		assertThat(statusOf(coordinator)).hasText("Status: Approved, waiting for the provider");

		// the provider finds it among the organisation's matches and accepts
		BrowserSession provider = signedIn(PROVIDER, DEMO_PASSWORD);
		openFromMyMatches(provider, "My matches", "Match", request, id);
		assertThat(provider.heading("Match of " + request + " with " + offer)).isVisible();
		assertThat(provider.page().getByRole(AriaRole.MAIN))
			.containsText("Please accept this engagement or decline it with a reason.");
		provider.press("Accept");
		assertThat(provider.page().getByRole(AriaRole.STATUS))
			.hasText("You accepted; the requesting officials are asked to confirm.");
		assertThat(statusOf(provider)).hasText("Status: Accepted by the provider, waiting for the requester");

		// the official of Sierra Leone confirms; the offer has one engagement less than when it was proposed
		BrowserSession official = signedIn(OFFICIAL_SL, DEMO_PASSWORD);
		openFromMyMatches(official, "My matches", "Match", request, id);
		assertThat(official.page().getByRole(AriaRole.MAIN))
			.containsText("The provider accepted. Please confirm this match or decline it with a reason.");
		official.press("Confirm");
		assertThat(official.page().getByRole(AriaRole.STATUS)).hasText("You confirmed the match.");
		assertThat(statusOf(official)).hasText("Status: Confirmed");
		assertThat(official.page().getByRole(AriaRole.MAIN))
			.containsText("Both sides agreed. The coordinator records when delivery starts.");
		assertThat(described(official, "Engagements left on the offer")).hasText((left - 1) + " of " + capacity);
		assertThat(official.button("Confirm")).hasCount(0);
		official.followLink(official.link(official.page().getByRole(AriaRole.MAIN), offer));
		assertThat(described(official, "Capacity left")).hasText((left - 1) + " of " + capacity);

		// the coordinator proposes two rows of the plan, those of two fresh requests, and no other
		String first = this.examples.requests().openForMatching(OFFICIAL_SL, COORDINATOR);
		String second = this.examples.requests().openForMatching(OFFICIAL_SL, COORDINATOR);
		this.examples.offer();
		this.examples.offer();
		coordinator.followLink(coordinator.link(coordinator.mainNavigation(), "Plan"));
		assertThat(coordinator.heading("Global plan")).isVisible();
		assertThat(coordinator.page().getByRole(AriaRole.MAIN)).containsText("Optimal plan");
		assertThat(coordinator.page().getByRole(AriaRole.MAIN)).containsText("Best pair first");
		// the confirmed request is no longer planned
		assertThat(planChoice(coordinator, request)).hasCount(0);
		planChoice(coordinator, first).check();
		planChoice(coordinator, second).check();
		assertThat(coordinator.page().locator("input[name=row]:checked")).hasCount(2);
		coordinator.press("Propose the selected rows");

		assertThat(coordinator.page()).hasURL(Pattern.compile("/admin/matches\\?status=PROPOSED$"));
		assertThat(coordinator.heading("Matches")).isVisible();
		assertThat(coordinator.page().getByRole(AriaRole.STATUS))
			.hasText("2 matches proposed.");
		for (String planned : new String[] { first, second }) {
			Locator row = boardRow(coordinator, planned);
			assertThat(row.getByRole(AriaRole.CELL).nth(4)).hasText("Proposed");
			coordinator.followLink(row.getByRole(AriaRole.LINK));
			assertThat(coordinator.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText("Match of " + planned + " with OF-");
			assertThat(described(coordinator, "Origin")).hasText("From the global plan");
			coordinator.visit("/admin/matches?status=PROPOSED");
		}
	}

	@Test
	void anOfficialOfCoteDIvoireConfirmsAMatchInFrench() {
		String request = this.examples.requests().openForMatching(OFFICIAL_CI, COORDINATOR);
		String offer = this.examples.offer();
		long id = this.examples.proposed(request, offer);

		BrowserSession coordinator = this.browser;
		coordinator.signIn(COORDINATOR, DEMO_PASSWORD);
		coordinator.visit("/matches/" + id);
		coordinator.press("Approve");
		assertThat(statusOf(coordinator)).hasText("Status: Approved, waiting for the provider");
		BrowserSession provider = signedIn(PROVIDER, DEMO_PASSWORD);
		provider.visit("/matches/" + id);
		provider.press("Accept");
		assertThat(statusOf(provider)).hasText("Status: Accepted by the provider, waiting for the requester");

		// the official's portal speaks French, explanations included
		BrowserSession official = signedIn(OFFICIAL_CI, DEMO_PASSWORD);
		assertThat(official.page().locator("html")).hasAttribute("lang", "fr");
		openFromMyMatches(official, "Mes appariements", "Appariement", request, id);
		assertThat(official.heading("Appariement de " + request + " avec " + offer)).isVisible();
		assertThat(statusOf(official, "Statut :"))
			.hasText("Statut : Accepté par le prestataire, en attente du demandeur");
		assertThat(official.page().getByRole(AriaRole.MAIN)).containsText(
				"Le prestataire a accepté. Veuillez confirmer cet appariement ou le décliner en donnant une raison.");
		assertThat(scorePart(official, "Expertise")).containsText(new String[] { "Expertise", "35 sur 35",
				"2 des 2 domaines demandés, dont le domaine principal – Évaluation des diamants bruts" });
		assertThat(described(official, "Origine")).hasText("Suggéré par l’appariement");

		official.press("Confirmer");
		assertThat(official.page().getByRole(AriaRole.STATUS)).hasText("Vous avez confirmé l’appariement.");
		assertThat(statusOf(official, "Statut :")).hasText("Statut : Confirmé");
		assertThat(official.page().getByRole(AriaRole.MAIN)).containsText(
				"Les deux parties sont d’accord. Le coordinateur indique quand la mise en œuvre commence.");
		assertThat(described(official, "Engagements restants sur l’offre")).hasText("2 sur 3");
		assertThat(official.button("Confirmer")).hasCount(0);

		// the official's list shows the match as confirmed
		official.followLink(official.link(official.mainNavigation(), "Mes appariements"));
		assertThat(myMatchRow(official, "Mes appariements", request).getByRole(AriaRole.CELL).nth(3))
			.hasText("Confirmé");
	}

	// --- finding things on the pages -----------------------------------------------------------

	/** From "My matches" in the navigation to the page of the match of a request. */
	private static void openFromMyMatches(BrowserSession person, String heading, String linkPrefix, String request,
			long id) {
		person.followLink(person.link(person.mainNavigation(), heading));
		assertThat(person.heading(heading)).isVisible();
		person.followLink(person.link(myMatchRow(person, heading, request), linkPrefix + " " + id));
		assertThat(person.page()).hasURL(Pattern.compile("/matches/" + id + "$"));
	}

	/** The row of a person's list of matches for a request, found by the request's reference. */
	private static Locator myMatchRow(BrowserSession person, String table, String request) {
		Locator row = rowWith(person, table, request);
		assertThat(row).hasCount(1);
		return row;
	}

	/** The rows of a table that have a cell holding exactly this text. */
	private static Locator rowWith(BrowserSession person, String table, String cell) {
		Page page = person.page();
		return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(table).setExact(true))
			.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions()
				.setHas(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(cell).setExact(true))));
	}

	/**
	 * The row of the coordinators' board for a request. The board lists the matches waiting longest
	 * first, so matches left by other tests may push a fresh one to a later page.
	 */
	private static Locator boardRow(BrowserSession coordinator, String request) {
		Locator row = rowWith(coordinator, "Matches", request);
		Locator next = coordinator.link(coordinator.page().getByRole(AriaRole.NAVIGATION,
				new Page.GetByRoleOptions().setName("Pages").setExact(true)), "Next");
		while (row.count() == 0 && next.count() > 0) {
			coordinator.followLink(next);
		}
		assertThat(row).hasCount(1);
		return row;
	}

	/** The check box of the plan's row for a request, whichever offer the plan gives it. */
	private static Locator planChoice(BrowserSession coordinator, String request) {
		return coordinator.page()
			.getByRole(AriaRole.CHECKBOX,
					new Page.GetByRoleOptions().setName(Pattern.compile("^Propose OF-\\d{4}-\\d{4,} for " + literal(request) + "$")));
	}

	/** The score a suggestion's card shows in its heading, e.g. 88 for "88/100 OF-2026-0012 …". */
	private static int scoreOf(Locator card) {
		String heading = card.getByRole(AriaRole.HEADING).textContent().strip();
		Matcher score = SCORE.matcher(heading);
		assertThat(score.find()).as("a score at the start of \"%s\"", heading).isTrue();
		return Integer.parseInt(score.group(1));
	}

	/** The row of the table of a match's score for one part, by the part's name. */
	private static Locator scorePart(BrowserSession person, String part) {
		Page page = person.page();
		Locator row = page.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions()
				.setHas(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(part).setExact(true))));
		assertThat(row).hasCount(1);
		return row.getByRole(AriaRole.ROWHEADER).or(row.getByRole(AriaRole.CELL));
	}

	/** What a description list says for a term, e.g. "3 of 3" for "Engagements left on the offer". */
	private static Locator described(BrowserSession person, String term) {
		return person.page()
			.locator("dt")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + literal(term) + "$")))
			.locator("xpath=following-sibling::dd[1]");
	}

	/** The line of a page that says where a request or a match stands, e.g. "Status: Proposed". */
	private static Locator statusOf(BrowserSession person) {
		return statusOf(person, "Status:");
	}

	private static Locator statusOf(BrowserSession person, String label) {
		return person.page().getByText(label, new Page.GetByTextOptions().setExact(true)).locator("..");
	}

	/** Playwright hands patterns to JavaScript, which does not understand \Q...\E quoting. */
	private static String literal(String text) {
		return text.replaceAll("[.?*+^$()\\[\\]{}|\\\\]", "\\\\$0");
	}

	/** The section of a page under a second-level heading. */
	private static Locator section(BrowserSession person, Pattern heading) {
		Page page = person.page();
		return page.locator("section")
			.filter(new Locator.FilterOptions()
				.setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setLevel(2))));
	}
}
