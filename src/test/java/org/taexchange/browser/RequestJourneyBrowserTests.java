package org.taexchange.browser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking for assistance as the people involved see it: an official writes a request in six steps,
 * possibly over two sittings and on two devices, in English or in French; a coordinator then
 * reviews it, asks a question, and opens it for matching once the official has answered.
 */
class RequestJourneyBrowserTests extends BrowserTest {

	private static final String OFFICIAL_SL = "official.sl@example.org";

	private static final String OFFICIAL_CI = "official.ci@example.org";

	private static final String COORDINATOR = "coordinator@example.org";

	/**
	 * The four Mano River Union countries as the JDK names them in English; its locale data writes
	 * Côte d’Ivoire with a typographic apostrophe.
	 */
	private static final String[] MANO_RIVER_UNION = { "Côte d\u2019Ivoire", "Guinea", "Liberia", "Sierra Leone" };

	/** The same four countries as the JDK names them in French. */
	private static final String[] UNION_DU_FLEUVE_MANO = { "Côte d\u2019Ivoire", "Guinée", "Liberia", "Sierra Leone" };

	private static final String REGIONAL_AREA = "Regional cooperation and harmonisation (e.g. Mano River Union)";

	private static final String WORKSHOP = "Workshop or training (one or several countries)";

	private static final String WRONG_TYPE = "The file is not a PDF, DOCX, XLSX, ODT, PNG or JPEG document, whatever its name says.";

	@Test
	void anOfficialOfSierraLeoneStartsARegionalRequestSavesItAndFinishesItOnAnotherDevice() {
		String title = "Harmonised valuation across the Mano River Union " + System.nanoTime();
		this.browser.signIn(OFFICIAL_SL, DEMO_PASSWORD);
		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "Request assistance"));

		// step 1: the request is always for the official's own participant; the quick pick adds the region
		assertThat(this.browser.heading("Who is asking for assistance")).isVisible();
		assertThat(this.browser.page().getByRole(AriaRole.MAIN))
			.containsText("Officials ask for their own participant. Your account decides which one.");
		this.browser.press("Add the four Mano River Union countries");
		assertThat(this.browser.heading("Who is asking for assistance")).isVisible();
		for (String country : MANO_RIVER_UNION) {
			assertThat(this.browser.field(country)).isChecked();
		}
		assertThat(this.browser.field("Ghana")).not().isChecked();
		fillFocalPoint(this.browser, "Fatmata Kamara", "Director of the Gold and Diamond Office", "f.kamara@example.org");
		this.browser.press("Save and continue");

		// step 2
		assertThat(this.browser.heading("The need")).isVisible();
		fillNeed(this.browser, title);
		this.browser.press("Save and continue");

		// step 3, left half done: going back keeps the primary area though no way of working is chosen yet
		assertThat(this.browser.heading("The expertise you need")).isVisible();
		this.browser.field("Primary expertise area").selectOption(new SelectOption().setLabel(REGIONAL_AREA));
		this.browser.press("Save and go back");
		assertThat(this.browser.heading("The need")).isVisible();
		assertThat(this.browser.field("Title")).hasValue(title);
		assertThat(this.browser.field("Problem statement"))
			.hasValue("Valuers of the four countries price the same goods differently, which invites smuggling.");
		this.browser.press("Save and continue");
		assertThat(this.browser.heading("The expertise you need")).isVisible();
		assertThat(selectedOption(this.browser.field("Primary expertise area"))).hasText(REGIONAL_AREA);
		this.browser.field("Rough-diamond valuation").check();
		this.browser.field(WORKSHOP).check();

		// the official stops here for the day
		this.browser.press("Save and finish later");
		assertThat(this.browser.page().getByRole(AriaRole.STATUS))
			.hasText("Your draft is saved. You can finish it from this page at any time, from any device.");
		assertThat(section(this.browser, "Drafts you have not submitted")).containsText("step 4 of 6");
		this.browser.signOut();

		// the next day, on another computer: a new browser with nothing of the first sitting
		BrowserSession elsewhere = signedIn(OFFICIAL_SL, DEMO_PASSWORD);
		elsewhere.followLink(elsewhere.link(elsewhere.mainNavigation(), "My requests"));
		assertThat(elsewhere.heading("Requests of Sierra Leone")).isVisible();
		Locator drafts = section(elsewhere, "Drafts you have not submitted");
		elsewhere.followLink(elsewhere.link(drafts, title));

		// the draft opens at the first step not done yet
		assertThat(elsewhere.heading("Practicalities")).isVisible();
		fillPracticalities(elsewhere, "Soon: within six months", "We can share the cost");
		elsewhere.press("Save and continue");

		// step 5: a file named like a PDF but holding text is refused, and the page goes on working
		assertThat(elsewhere.heading("Attachments (optional)")).isVisible();
		elsewhere.field("Add a file")
			.setInputFiles(new FilePayload("fake.pdf", "application/pdf",
					"Only text, whatever the name says.".getBytes(StandardCharsets.UTF_8)));
		elsewhere.press("Attach the file");
		Locator problem = elsewhere.page().getByRole(AriaRole.ALERT);
		assertThat(problem.getByRole(AriaRole.HEADING)).hasText("There is a problem");
		assertThat(elsewhere.link(problem, WRONG_TYPE)).isVisible();
		assertThat(elsewhere.field("Add a file")).hasAttribute("aria-invalid", "true");
		assertThat(elsewhere.field("Add a file"))
			.hasAccessibleDescription(Pattern.compile(literal("fake.pdf was not attached: " + WRONG_TYPE)));
		assertThat(elsewhere.page().getByRole(AriaRole.MAIN)).containsText("No files attached.");

		elsewhere.field("Add a file")
			.setInputFiles(new FilePayload("terms-of-reference.pdf", "application/pdf",
					onePagePdf("Terms of reference: regional valuation workshop")));
		elsewhere.press("Attach the file");
		assertThat(elsewhere.page().getByRole(AriaRole.STATUS)).hasText("The file is attached.");
		Locator attached = elsewhere.page()
			.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Files attached"));
		assertThat(attached.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHasText("terms-of-reference.pdf"))).hasCount(1);
		assertThat(elsewhere.field("Add a file")).not().hasAttribute("aria-invalid", "true");
		elsewhere.press("Save and continue");

		// step 6: everything from both sittings is there, and nothing is missing
		assertThat(elsewhere.heading("Check your request before submitting it")).isVisible();
		Locator review = elsewhere.page().getByRole(AriaRole.MAIN);
		assertThat(review).containsText(title);
		assertThat(review).containsText(String.join(", ", MANO_RIVER_UNION));
		assertThat(review).containsText("Fatmata Kamara, Director of the Gold and Diamond Office");
		assertThat(review).containsText("Annual report 2025.");
		assertThat(review).containsText(REGIONAL_AREA);
		assertThat(review).containsText("Rough-diamond valuation");
		assertThat(review).containsText(WORKSHOP);
		assertThat(review).containsText("English, French");
		assertThat(review).containsText("Soon: within six months");
		assertThat(review).containsText("terms-of-reference.pdf");
		assertThat(elsewhere.page().getByRole(AriaRole.ALERT)).hasCount(0);
		elsewhere.press("Submit the request");

		String reference = confirmedReference(elsewhere, "Your request is submitted");
		assertThat(elsewhere.page()).hasURL(Pattern.compile("/requests/" + reference + "/submitted$"));

		elsewhere.followLink(elsewhere.link(elsewhere.mainNavigation(), "My requests"));
		assertThat(elsewhere.heading("Requests of Sierra Leone")).isVisible();
		Locator row = submittedRow(elsewhere, "Submitted requests", reference);
		assertThat(row).containsText(title);
		assertThat(row).containsText("submitted");
		// no longer a draft
		assertThat(elsewhere.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true)))
			.hasCount(0);
	}

	@Test
	void anOfficialOfCoteDIvoireWritesAndSubmitsARequestInFrench() {
		String title = "Harmonisation de l’évaluation dans l’Union du fleuve Mano " + System.nanoTime();
		this.browser.signIn(OFFICIAL_CI, DEMO_PASSWORD);
		// the profile says French: the portal switches to it at sign-in
		assertThat(this.browser.page().locator("html")).hasAttribute("lang", "fr");
		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "Demander une assistance"));

		assertThat(this.browser.heading("Qui demande une assistance")).isVisible();
		assertThat(this.browser.page().getByRole(AriaRole.MAIN)).containsText("Côte d\u2019Ivoire");
		this.browser.press("Ajouter les quatre pays de l’Union du fleuve Mano");
		for (String country : UNION_DU_FLEUVE_MANO) {
			assertThat(this.browser.field(country)).isChecked();
		}
		this.browser.field("Nom complet").fill("Awa Koné");
		this.browser.field("Fonction (facultatif)").fill("Chargée de la traçabilité");
		this.browser.field("Adresse électronique").fill("a.kone@example.org");
		this.browser.field("Téléphone (facultatif)").fill("+225 07 12 34 56");
		this.browser.press("Enregistrer et continuer");

		assertThat(this.browser.heading("Le besoin")).isVisible();
		this.browser.field("Titre").fill(title);
		this.browser.field("Description du problème")
			.fill("Les évaluateurs des quatre pays estiment différemment les mêmes lots, ce qui favorise la contrebande.");
		this.browser.field("Objectifs").fill("Une méthode d’évaluation commune aux quatre pays.");
		this.browser.field("Résultats attendus et indicateurs")
			.fill("Des écarts d’évaluation inférieurs à 5 % sur les lots déclarés aux frontières.");
		this.browser.press("Enregistrer et continuer");

		assertThat(this.browser.heading("L’expertise dont vous avez besoin")).isVisible();
		this.browser.field("Domaine d’expertise principal")
			.selectOption(new SelectOption().setLabel("Coopération et harmonisation régionales (p. ex. Union du fleuve Mano)"));
		this.browser.field("Atelier ou formation (un ou plusieurs pays)").check();
		this.browser.press("Enregistrer et continuer");

		assertThat(this.browser.heading("Modalités pratiques")).isVisible();
		this.browser.field("Français").check();
		this.browser.field("Anglais").check();
		this.browser.field("Besoins d’interprétation (facultatif)")
			.fill("Interprétation en anglais pour les participants libériens et sierra-léonais.");
		this.browser.field("Début au plus tôt").fill(inMonths(3));
		this.browser.field("Fin au plus tard").fill(inMonths(9));
		this.browser.field("Urgence").selectOption(new SelectOption().setLabel("Urgente : dans les trois mois"));
		this.browser.field("Financement")
			.selectOption(new SelectOption().setLabel("Nous contribuons en nature (salle, personnel, transport)"));
		this.browser.press("Enregistrer et continuer");

		assertThat(this.browser.heading("Pièces jointes (facultatif)")).isVisible();
		this.browser.field("Ajouter un fichier")
			.setInputFiles(new FilePayload("note-conceptuelle.pdf", "application/pdf",
					onePagePdf("Note conceptuelle : atelier regional d'evaluation")));
		this.browser.press("Joindre le fichier");
		assertThat(this.browser.page().getByRole(AriaRole.STATUS)).hasText("Le fichier est joint.");
		this.browser.press("Enregistrer et continuer");

		assertThat(this.browser.heading("Vérifiez votre demande avant de la soumettre")).isVisible();
		Locator review = this.browser.page().getByRole(AriaRole.MAIN);
		assertThat(review).containsText(title);
		assertThat(review).containsText(String.join(", ", UNION_DU_FLEUVE_MANO));
		assertThat(review).containsText("Anglais, Français");
		assertThat(review).containsText("Urgente : dans les trois mois");
		assertThat(review).containsText("note-conceptuelle.pdf");
		assertThat(this.browser.page().getByRole(AriaRole.ALERT)).hasCount(0);
		this.browser.press("Soumettre la demande");

		String reference = confirmedReference(this.browser, "Votre demande est soumise");
		this.browser.followLink("Voir toutes les demandes de votre participant");
		assertThat(this.browser.heading("Demandes : Côte d\u2019Ivoire")).isVisible();
		Locator row = submittedRow(this.browser, "Demandes soumises", reference);
		assertThat(row).containsText(title);
		assertThat(row).containsText("soumise");
	}

	@Test
	void aCoordinatorAsksForInformationTheOfficialAnswersAndTheRequestOpensForMatching() {
		String title = "Customs training at the Liberian border " + System.nanoTime();
		String question = "Which border posts should the training cover, and how many officers work there?";
		String answer = "Bo Waterside and Gendema, with about forty officers in all.";
		BrowserSession official = this.browser;
		official.signIn(OFFICIAL_SL, DEMO_PASSWORD);
		String reference = submitCompleteRequest(official, title);

		BrowserSession coordinator = signedIn(COORDINATOR, DEMO_PASSWORD);
		openFromQueue(coordinator, reference, "submitted");
		assertThat(coordinator.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText(title);
		assertThat(statusOf(coordinator)).hasText("Status: submitted");
		coordinator.press("Start the review");
		assertThat(coordinator.page().getByRole(AriaRole.STATUS)).hasText("The review has started.");
		assertThat(statusOf(coordinator)).hasText("Status: under review");

		coordinator.field("Question for the officials").fill(question);
		coordinator.press("Ask for information");
		assertThat(coordinator.page().getByRole(AriaRole.STATUS)).hasText("The question is sent to the officials.");
		assertThat(statusOf(coordinator)).hasText("Status: information asked for");

		// the official finds the question on the request's page and answers it there
		openOwnRequest(official, reference);
		assertThat(statusOf(official)).hasText("Status: information asked for");
		assertThat(official.page().getByRole(AriaRole.MAIN))
			.containsText("The coordinator needs more information from you: answer below.");
		assertThat(section(official, "Messages").getByRole(AriaRole.LISTITEM)).containsText(new String[] { question });
		official.field("Your answer to the coordinator").fill(answer);
		official.press("Send the message");
		assertThat(official.page().getByRole(AriaRole.STATUS)).hasText("Your message is sent.");
		assertThat(statusOf(official)).hasText("Status: under review");
		assertThat(section(official, "Messages").getByRole(AriaRole.LISTITEM))
			.containsText(new String[] { question, answer });

		// the coordinator sees the answer and moves the request on
		openFromQueue(coordinator, reference, "under review");
		assertThat(section(coordinator, "Messages")).containsText(answer);
		coordinator.press("Open for matching");
		assertThat(coordinator.page().getByRole(AriaRole.STATUS)).hasText("The request is open for matching.");
		assertThat(statusOf(coordinator)).hasText("Status: open for matching");

		// the official's page tells the whole story, oldest first
		openOwnRequest(official, reference);
		assertThat(statusOf(official)).hasText("Status: open for matching");
		Locator timeline = section(official, "Timeline").getByRole(AriaRole.LISTITEM);
		assertThat(timeline).containsText(new String[] { "submitted", "under review", "information asked for",
				"under review", "open for matching" });
		assertThat(timeline.nth(2)).containsText(question);
	}

	// --- the steps of the form in English ------------------------------------------------------

	/** From the navigation to the confirmation, every step filled in briefly; returns the reference. */
	private static String submitCompleteRequest(BrowserSession official, String title) {
		official.followLink(official.link(official.mainNavigation(), "Request assistance"));
		official.field("Sierra Leone").check();
		official.field("Liberia").check();
		fillFocalPoint(official, "Mohamed Sesay", "Head of monitoring", "m.sesay@example.org");
		official.press("Save and continue");
		assertThat(official.heading("The need")).isVisible();
		fillNeed(official, title);
		official.press("Save and continue");
		assertThat(official.heading("The expertise you need")).isVisible();
		official.field("Primary expertise area")
			.selectOption(new SelectOption().setLabel("Law enforcement, customs and anti-smuggling"));
		official.field(WORKSHOP).check();
		official.press("Save and continue");
		assertThat(official.heading("Practicalities")).isVisible();
		fillPracticalities(official, "Routine: within the year", "We need full funding");
		official.press("Save and continue");
		assertThat(official.heading("Attachments (optional)")).isVisible();
		official.press("Save and continue");
		assertThat(official.heading("Check your request before submitting it")).isVisible();
		official.press("Submit the request");
		return confirmedReference(official, "Your request is submitted");
	}

	private static void fillFocalPoint(BrowserSession official, String name, String position, String email) {
		official.field("Full name").fill(name);
		official.field("Position (optional)").fill(position);
		official.field("Email address").fill(email);
		official.field("Telephone (optional)").fill("+232 76 123 456");
	}

	private static void fillNeed(BrowserSession official, String title) {
		official.field("Title").fill(title);
		official.field("Problem statement")
			.fill("Valuers of the four countries price the same goods differently, which invites smuggling.");
		official.field("Objectives").fill("A valuation method shared by the four countries.");
		official.field("Expected outcomes and indicators")
			.fill("Valuations of declared parcels differ by less than 5 % at the borders.");
		official.field("Annual report of the year").fill("2025");
	}

	private static void fillPracticalities(BrowserSession official, String urgency, String funding) {
		official.field("English").check();
		official.field("French").check();
		official.field("Interpretation needs (optional)").fill("French interpretation for the Guinean participants.");
		official.field("Earliest start").fill(inMonths(2));
		official.field("Latest end").fill(inMonths(8));
		official.field("Urgency").selectOption(new SelectOption().setLabel(urgency));
		official.field("Number of beneficiaries (optional)").fill("24");
		official.field("Funding").selectOption(new SelectOption().setLabel(funding));
	}

	// --- finding things on the pages -----------------------------------------------------------

	/** The reference on the confirmation page, checked for its shape and the current year. */
	private static String confirmedReference(BrowserSession official, String heading) {
		Locator confirmation = official.page().getByRole(AriaRole.STATUS);
		assertThat(confirmation.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName(heading)))
			.isVisible();
		Locator reference = confirmation.getByText(Pattern.compile("^TA-\\d{4}-\\d{4,}$"));
		assertThat(reference).isVisible();
		String value = reference.textContent().strip();
		assertThat(value).startsWith("TA-" + LocalDate.now(ZoneOffset.UTC).getYear() + "-");
		return value;
	}

	/** The row of a request in the table of submitted requests, found by its reference. */
	private static Locator submittedRow(BrowserSession official, String table, String reference) {
		Locator submitted = official.page().getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(table));
		// a locator given to "has" is looked for inside each row, so it starts from the page, not the table
		Locator link = official.page()
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference).setExact(true));
		Locator row = submitted.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(link));
		assertThat(row).hasCount(1);
		return row;
	}

	/** From "My requests" to the page of one of the participant's requests. */
	private static void openOwnRequest(BrowserSession official, String reference) {
		official.followLink(official.link(official.mainNavigation(), "My requests"));
		official.followLink(official.link(submittedRow(official, "Submitted requests", reference), reference));
		assertThat(official.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText(reference);
	}

	/**
	 * From the coordinators' queue to one request. The queue is narrowed to the status and to Sierra
	 * Leone, most recent first, so that other requests (demo data, other tests) do not push it to
	 * another page.
	 */
	private static void openFromQueue(BrowserSession coordinator, String reference, String status) {
		coordinator.followLink(coordinator.link(coordinator.mainNavigation(), "Requests"));
		assertThat(coordinator.heading("Requests")).isVisible();
		coordinator.field("Status").selectOption(new SelectOption().setLabel(status));
		coordinator.field("Requesting participant").selectOption(new SelectOption().setLabel("Sierra Leone"));
		coordinator.field("Order").selectOption(new SelectOption().setLabel("Most recently changed first"));
		coordinator.press("Filter");
		Locator queue = coordinator.page().getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Requests"));
		coordinator.followLink(coordinator.link(queue, reference));
		assertThat(coordinator.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText(reference);
	}

	/** The line of a request's page that says where it stands, e.g. "Status: under review". */
	private static Locator statusOf(BrowserSession person) {
		return person.page().getByText("Status:", new Page.GetByTextOptions().setExact(true)).locator("..");
	}

	/** The section of a page under a second-level heading. */
	private static Locator section(BrowserSession person, String heading) {
		Page page = person.page();
		return page.locator("section")
			.filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName(heading).setExact(true).setLevel(2))));
	}

	/** The option shown as chosen in a drop-down list. */
	private static Locator selectedOption(Locator select) {
		return select.locator("option:checked");
	}

	private static String inMonths(int months) {
		return LocalDate.now(ZoneOffset.UTC).plusMonths(months).toString();
	}

	/** Playwright hands patterns to JavaScript, which does not understand \Q...\E quoting. */
	private static String literal(String text) {
		return text.replaceAll("[.?*+^$()\\[\\]{}|\\\\]", "\\\\$0");
	}

	/** A small but well-formed one-page PDF showing a line of (ASCII) text. */
	private static byte[] onePagePdf(String line) {
		String text = "BT /F1 14 Tf 72 770 Td (" + line.replaceAll("[()\\\\]", "\\\\$0") + ") Tj ET";
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
						+ " /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
		pdf.append("trailer\n<< /Size ")
			.append(objects.size() + 1)
			.append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}
}
