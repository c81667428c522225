package org.taexchange.browser;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offering expertise as the people involved see it: a provider describes an offer and sends it for
 * vetting, a coordinator publishes it, an official of Côte d'Ivoire finds it in the catalogue (in
 * French) and starts a request from it, and the provider pauses it again.
 */
class OfferJourneyBrowserTests extends BrowserTest {

	private static final String PROVIDER = "provider@example.org";

	private static final String COORDINATOR = "coordinator@example.org";

	private static final String OFFICIAL_CI = "official.ci@example.org";

	private static final String VALUATION = "Rough-diamond valuation";

	private static final String FOOTPRINTING = "Diamond identification, footprinting and technical definitions";

	private static final String WORKSHOP = "Workshop or training (one or several countries)";

	private static final String DESCRIPTION = "A week of practice on real parcels with two senior government valuers: "
			+ "sorting, pricing against the market and documenting the valuation for export.";

	private static final String CONFLICT_REASON = "Our valuers currently advise the Ghanaian buying offices.";

	@Test
	void aProviderKeepsAnUnfinishedOfferAsADraftButIsToldWhenTheTitleIsTooLong() {
		String draftTitle = "Valuation clinic, still being planned " + System.nanoTime();
		String tooLong = "Valuation clinic ".repeat(12) + System.nanoTime();
		assertThat(tooLong).hasSizeGreaterThan(200);
		this.browser.signIn(PROVIDER, DEMO_PASSWORD);

		// a title alone is enough for a draft
		openOfferForm(this.browser);
		this.browser.field("Title").fill(draftTitle);
		this.browser.press("Save as a draft");
		assertThat(this.browser.heading("Offers of World Customs Organization")).isVisible();
		assertThat(this.browser.page().getByRole(AriaRole.STATUS)).hasText("Your offer is saved as a draft.");
		Locator draft = offerRow(this.browser, draftTitle);
		assertThat(draft.getByRole(AriaRole.CELL).nth(2)).hasText("draft");
		// a draft has no reference yet
		assertThat(draft.getByText(Pattern.compile("^OF-\\d{4}-\\d{4,}$"))).hasCount(0);

		// a title that cannot be stored is refused even for a draft, and nothing else typed is lost
		openOfferForm(this.browser);
		fillOffer(this.browser, tooLong);
		this.browser.press("Save as a draft");
		assertThat(this.browser.heading("Offer expertise")).isVisible();
		Locator problem = this.browser.page().getByRole(AriaRole.ALERT);
		assertThat(problem.getByRole(AriaRole.HEADING)).hasText("There is a problem");
		assertThat(this.browser.link(problem, "Use at most 200 characters.")).isVisible();
		assertThat(this.browser.field("Title")).hasAttribute("aria-invalid", "true");
		assertThat(this.browser.field("Title"))
			.hasAccessibleDescription(Pattern.compile("Use at most 200 characters\\.$"));
		assertThat(this.browser.field("Title")).hasValue(tooLong);
		assertOfferAsTyped(this.browser);
	}

	@Test
	void anOfferIsSentForVettingPublishedFoundInFrenchAskedForAndPaused() {
		String title = "Valuation of rough diamonds for government valuers " + System.nanoTime();
		BrowserSession provider = this.browser;
		provider.signIn(PROVIDER, DEMO_PASSWORD);

		// the provider describes the offer and sends it for vetting
		openOfferForm(provider);
		fillOffer(provider, title);
		provider.press("Send for vetting");
		assertThat(provider.heading("Offers of World Customs Organization")).isVisible();
		assertThat(provider.page().getByRole(AriaRole.STATUS)).hasText("Your offer is sent for vetting.");
		Locator notice = provider.page()
			.getByText(Pattern.compile("^Your offer is sent for vetting with the reference OF-\\d{4}-\\d{4,}\\.$"));
		assertThat(notice).isVisible();
		String reference = notice.textContent().strip().replaceFirst("^.* (OF-\\S+)\\.$", "$1");
		assertThat(reference).startsWith("OF-" + LocalDate.now(ZoneOffset.UTC).getYear() + "-");
		Locator row = offerRow(provider, title);
		assertThat(provider.link(row, reference)).isVisible();
		assertThat(row.getByRole(AriaRole.CELL).nth(2)).hasText("waiting for vetting");

		// the coordinator finds it among the offers to vet, sees the whole declaration and publishes it
		BrowserSession coordinator = signedIn(COORDINATOR, DEMO_PASSWORD);
		coordinator.followLink(coordinator.link(coordinator.mainNavigation(), "Offers to vet"));
		assertThat(coordinator.heading("Offers")).isVisible();
		coordinator.field("Status").selectOption(new SelectOption().setLabel("waiting for vetting"));
		coordinator.field("Organisation").selectOption(new SelectOption().setLabel("World Customs Organization"));
		coordinator.press("Filter");
		Locator queue = coordinator.page().getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Offers"));
		coordinator.followLink(coordinator.link(queue, reference));
		assertThat(coordinator.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(reference + " · " + title);
		Locator adminView = coordinator.page().getByRole(AriaRole.MAIN);
		assertThat(adminView).containsText("Offered by World Customs Organization");
		assertThat(adminView).containsText("Conflict of interest");
		assertThat(adminView).containsText(CONFLICT_REASON);
		coordinator.press("Publish");
		assertThat(coordinator.page().getByRole(AriaRole.STATUS)).hasText("The offer is published.");
		assertThat(adminView).containsText("Status: published");

		// the official's portal speaks French; the catalogue narrowed to an area and a language lists the offer
		BrowserSession official = signedIn(OFFICIAL_CI, DEMO_PASSWORD);
		assertThat(official.page().locator("html")).hasAttribute("lang", "fr");
		official.followLink(official.link(official.mainNavigation(), "Offres"));
		assertThat(official.heading("Offres d’expertise")).isVisible();
		official.field("Domaine d’expertise").selectOption(new SelectOption().setLabel("Évaluation des diamants bruts"));
		official.field("Langue de travail").selectOption(new SelectOption().setLabel("Français"));
		official.press("Filtrer");
		assertThat(official.page()).hasURL(Pattern.compile("[?&]area=VALUATION(&|$)"));
		assertThat(official.page()).hasURL(Pattern.compile("[?&]language=fr(&|$)"));
		String filteredCatalogue = official.page().url();
		Locator listed = official.link(official.page().getByRole(AriaRole.MAIN), title);
		assertThat(listed).isVisible();

		// the offer's page shows what is offered, but not the provider's conflict-of-interest declaration
		official.followLink(listed);
		assertThat(official.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(reference + " · " + title);
		Locator offerPage = official.page().getByRole(AriaRole.MAIN);
		assertThat(offerPage).containsText(DESCRIPTION);
		assertThat(offerPage).containsText("Évaluation des diamants bruts");
		assertThat(offerPage).not().containsText("Conflit d’intérêts");
		assertThat(offerPage).not().containsText(CONFLICT_REASON);

		// asking for it starts a request that names the offer and takes over its expertise
		official.followLink("Demander cette offre");
		assertThat(official.page()).hasURL(Pattern.compile("/requests/new\\?offer=" + reference + "$"));
		assertThat(official.heading("Qui demande une assistance")).isVisible();
		Locator form = official.page().getByRole(AriaRole.MAIN);
		assertThat(form).containsText("Vous demandez l’offre " + reference);
		assertThat(form).containsText(title);
		official.field("Côte d\u2019Ivoire").check();
		official.field("Nom complet").fill("Awa Koné");
		official.field("Adresse électronique").fill("a.kone@example.org");
		official.press("Enregistrer et continuer");

		assertThat(official.heading("Le besoin")).isVisible();
		official.field("Titre").fill("Évaluation des diamants bruts au Secrétariat permanent " + System.nanoTime());
		official.field("Description du problème")
			.fill("Les évaluateurs publics manquent de pratique sur les lots de diamants bruts.");
		official.field("Objectifs").fill("Des évaluations conformes aux prix du marché.");
		official.field("Résultats attendus et indicateurs").fill("Six évaluateurs formés sur des lots réels.");
		official.press("Enregistrer et continuer");

		assertThat(official.heading("L’expertise dont vous avez besoin")).isVisible();
		assertThat(selectedOption(official.field("Domaine d’expertise principal")))
			.hasText("Évaluation des diamants bruts");
		assertThat(official.field("Atelier ou formation (un ou plusieurs pays)")).isChecked();

		// the provider pauses the offer: the same search in the catalogue no longer finds it
		provider.followLink(provider.link(provider.mainNavigation(), "My offers"));
		provider.press("Pause " + title);
		assertThat(provider.page().getByRole(AriaRole.STATUS))
			.hasText("The offer is paused: it no longer shows in the catalogue.");
		assertThat(offerRow(provider, title).getByRole(AriaRole.CELL).nth(2)).hasText("paused");

		official.visit(filteredCatalogue);
		assertThat(official.heading("Offres d’expertise")).isVisible();
		assertThat(selectedOption(official.field("Domaine d’expertise"))).hasText("Évaluation des diamants bruts");
		assertThat(official.page()
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true))).hasCount(0);
	}

	/** From the navigation to an empty offer form. */
	private static void openOfferForm(BrowserSession provider) {
		provider.followLink(provider.link(provider.mainNavigation(), "Offer expertise"));
		assertThat(provider.heading("Offer expertise")).isVisible();
		assertThat(provider.field("Title")).hasValue("");
	}

	/** Every part of the offer form, answered as a workshop on valuation for every participant. */
	private static void fillOffer(BrowserSession provider, String title) {
		provider.field("Title").fill(title);
		provider.field("Description").fill(DESCRIPTION);
		provider.field(VALUATION).check();
		provider.field(FOOTPRINTING).check();
		provider.field(WORKSHOP).check();
		provider.field("Remote advice").check();
		Locator working = group(provider, "Working languages");
		language(working, "English").check();
		language(working, "French").check();
		provider.field("To every participant").check();
		provider.field("Available from").fill(inMonths(1));
		provider.field("Available until").fill(inMonths(12));
		provider.field("Capacity").fill("2");
		provider.field("Funding").selectOption(new SelectOption().setLabel("Partly funded"));
		provider.field("Number of experts (optional)").fill("2");
		provider.field("Profile and seniority (optional)").fill("Two senior valuers with ten years of practice.");
		language(group(provider, "Languages the experts speak (optional)"), "French").check();
		group(provider, "Participants not to serve").getByLabel("Ghana", new Locator.GetByLabelOptions().setExact(true))
			.check();
		provider.field("Why (required when you name participants)").fill(CONFLICT_REASON);
	}

	/** What {@link #fillOffer} typed, apart from the title, is still on the form. */
	private static void assertOfferAsTyped(BrowserSession provider) {
		assertThat(provider.field("Description")).hasValue(DESCRIPTION);
		assertThat(provider.field(VALUATION)).isChecked();
		assertThat(provider.field(FOOTPRINTING)).isChecked();
		assertThat(provider.field("Statistics: collection, reporting and anomaly analysis")).not().isChecked();
		assertThat(provider.field(WORKSHOP)).isChecked();
		assertThat(provider.field("Remote advice")).isChecked();
		Locator working = group(provider, "Working languages");
		assertThat(language(working, "English")).isChecked();
		assertThat(language(working, "French")).isChecked();
		assertThat(provider.field("To every participant")).isChecked();
		assertThat(provider.field("Available from")).hasValue(inMonths(1));
		assertThat(provider.field("Available until")).hasValue(inMonths(12));
		assertThat(provider.field("Capacity")).hasValue("2");
		assertThat(selectedOption(provider.field("Funding"))).hasText("Partly funded");
		assertThat(provider.field("Number of experts (optional)")).hasValue("2");
		Locator experts = group(provider, "Languages the experts speak (optional)");
		assertThat(language(experts, "French")).isChecked();
		assertThat(language(experts, "English")).not().isChecked();
		assertThat(group(provider, "Participants not to serve")
			.getByLabel("Ghana", new Locator.GetByLabelOptions().setExact(true))).isChecked();
		assertThat(provider.field("Why (required when you name participants)")).hasValue(CONFLICT_REASON);
	}

	/** A group of checkboxes by its legend; the language and participant lists appear more than once. */
	private static Locator group(BrowserSession person, String legend) {
		return person.page().getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
	}

	private static Locator language(Locator group, String name) {
		return group.getByLabel(name, new Locator.GetByLabelOptions().setExact(true));
	}

	/** The row of "My offers" for an offer, found by its (unique) title. */
	private static Locator offerRow(BrowserSession provider, String title) {
		Page page = provider.page();
		Locator row = page.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions()
				.setHas(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(title).setExact(true))));
		assertThat(row).hasCount(1);
		return row;
	}

	/** The option shown as chosen in a drop-down list. */
	private static Locator selectedOption(Locator select) {
		return select.locator("option:checked");
	}

	private static String inMonths(int months) {
		return LocalDate.now(ZoneOffset.UTC).plusMonths(months).toString();
	}
}
