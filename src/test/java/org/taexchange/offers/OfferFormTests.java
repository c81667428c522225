package org.taexchange.offers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import org.taexchange.offers.Vetting.Decision;
import org.taexchange.participants.Modality;
import org.taexchange.platform.PostSignIn;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * The offer form as a provider goes through it in the browser: writing and sending an offer for
 * vetting, saving a draft, every mistake explained at its field with everything else kept, a visitor
 * who fills it in before signing in, changing a published offer, pausing, resuming and withdrawing
 * it, and the coordinators' decisions as the provider sees them.
 */
@IntegrationTest
class OfferFormTests {

	static final String PROVIDER = OfferExamples.PROVIDER;

	static final String COORDINATOR = OfferExamples.COORDINATOR;

	static final String OFFICIAL = "official.sl@example.org";

	static final String DEMO_PASSWORD = "kimberley-demo-2026";

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String SQL = "'; drop table offer; --";

	/** The application's clock is UTC; so are these dates. */
	static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	static final LocalDate AVAILABLE_FROM = TODAY.plusMonths(1);

	static final LocalDate AVAILABLE_UNTIL = TODAY.plusMonths(10);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MessageSource messages;

	@Autowired
	Offers offers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	private OfferExamples examples;

	@BeforeEach
	void examples() {
		this.examples = new OfferExamples(this.context);
	}

	/** A complete, valid form, as a browser posts it. */
	static Map<String, List<String>> validAnswers(String title) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		answers.put("title", List.of(title));
		answers.put("description", List.of("Two valuers spend a week with a government valuation office."));
		answers.put("areas", List.of("VALUATION", "STATISTICS"));
		answers.put("modalities", List.of("WORKSHOP", "EXPERT_MISSION"));
		answers.put("workingLanguages", List.of("en", "fr"));
		answers.put("reach", List.of("ALL"));
		answers.put("availableFrom", List.of(AVAILABLE_FROM.toString()));
		answers.put("availableUntil", List.of(AVAILABLE_UNTIL.toString()));
		answers.put("capacity", List.of("3"));
		answers.put("funding", List.of("FULLY_FUNDED"));
		answers.put("expertsCount", List.of("2"));
		answers.put("expertsSeniority", List.of("Senior valuers with ten years of practice"));
		answers.put("expertsLanguages", List.of("en"));
		answers.put("conflictParticipants", List.of("ZW"));
		answers.put("conflictReason", List.of("We advise a Zimbabwean mining company."));
		return answers;
	}

	// --- writing and sending ------------------------------------------------------------------

	@Test
	void aProviderWritesAnOfferAndSendsItForVettingAndGetsAReference() throws Exception {
		String title = unique("Valuation mentoring in Kenema");

		this.mvc.perform(get("/offers/new").with(provider()))
			.andExpect(status().isOk())
			.andExpect(view().name("offers/form"));
		MvcResult sent = this.mvc
			.perform(form(post("/offers/new"), validAnswers(title)).param("action", "submit").with(provider()))
			.andExpect(redirectedUrl("/offers/mine"))
			.andExpect(flash().attribute("flash", "flash.offer.submitted"))
			.andReturn();

		String reference = (String) sent.getFlashMap().get("submittedReference");
		assertThat(reference).matches("OF-" + Year.now(this.clock) + "-\\d{4,}");
		Offer stored = this.offers.findByReference(reference).orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(stored.getTitle()).isEqualTo(title);
		assertThat(stored.getOrganisationId()).isEqualTo(wco());
		assertThat(stored.getOwnerId()).isEqualTo(this.examples.person(PROVIDER).id());
		assertThat(stored.getExpertiseAreas()).containsExactly("VALUATION", "STATISTICS");
		assertThat(stored.getModalities()).containsExactly(Modality.WORKSHOP, Modality.EXPERT_MISSION);
		assertThat(stored.getWorkingLanguages()).containsExactly("en", "fr");
		assertThat(stored.getReach()).isEqualTo(Reach.ALL);
		assertThat(stored.getAvailableFrom()).isEqualTo(AVAILABLE_FROM);
		assertThat(stored.getAvailableUntil()).isEqualTo(AVAILABLE_UNTIL);
		assertThat(stored.getCapacity()).isEqualTo(3);
		assertThat(stored.getFunding()).isEqualTo(OfferFunding.FULLY_FUNDED);
		assertThat(stored.getConflictParticipants()).containsExactly("ZW");

		Document mine = html(this.mvc.perform(get("/offers/mine").with(provider()).flashAttrs(sent.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(mine.select(".notice").text()).contains(reference);
		assertThat(mine.select("table a").eachText()).contains(reference);
		this.mvc.perform(get("/admin/offers/{ref}", reference).with(as(COORDINATOR))).andExpect(status().isOk());
	}

	@Test
	void sendingTheSameVersionForVettingTwiceGivesOneReference() throws Exception {
		String title = unique("Border post controls");
		long id = this.examples.draft(PROVIDER, title);
		String version = hiddenVersion(editPage(id), "/offers/edit/" + id);

		MockHttpServletRequestBuilder send = form(post("/offers/edit/{id}", id), validAnswers(title))
			.param("action", "submit")
			.param("version", version);
		MvcResult first = this.mvc.perform(send.with(provider())).andExpect(redirectedUrl("/offers/mine")).andReturn();
		MvcResult second = this.mvc
			.perform(form(post("/offers/edit/{id}", id), validAnswers(title)).param("action", "submit")
				.param("version", version)
				.with(provider()))
			.andExpect(redirectedUrl("/offers/mine"))
			.andReturn();

		String reference = (String) first.getFlashMap().get("submittedReference");
		assertThat(reference).matches("OF-\\d{4}-\\d{4,}");
		assertThat(second.getFlashMap().get("submittedReference")).isEqualTo(reference);
		assertThat(count("select count(*) from offer where title = ?", title)).isEqualTo(1);
		assertThat(count("select count(*) from offer_status_change where offer_id = ? and to_status = 'SUBMITTED'", id))
			.isEqualTo(1);
		assertThat(count("select count(*) from decision_log where subject_type = 'OFFER' and subject_id = ? "
				+ "and action = 'SUBMITTED'", reference))
			.isEqualTo(1);
	}

	@Test
	void aNewOfferFormSentTwiceCreatesOneOffer() throws Exception {
		String title = unique("Customs risk profiling");
		MockHttpSession session = new MockHttpSession();
		Document page = html(this.mvc.perform(get("/offers/new").session(session).with(provider()))
			.andExpect(status().isOk())
			.andReturn());
		String token = page.select("input[name=formToken]").attr("value");
		assertThat(token).isNotBlank();

		for (int click = 1; click <= 2; click++) {
			this.mvc
				.perform(form(post("/offers/new"), validAnswers(title)).param("action", "submit")
					.param("formToken", token)
					.session(session)
					.with(provider()))
				.andExpect(redirectedUrl("/offers/mine"));
		}
		assertThat(count("select count(*) from offer where title = ?", title)).isEqualTo(1);
	}

	@Test
	void aDraftNeedsNothingButATitle() throws Exception {
		String title = unique("Ideas for a regional workshop");

		this.mvc.perform(post("/offers/new").with(csrf()).with(provider()).param("title", title))
			.andExpect(redirectedUrl("/offers/mine"))
			.andExpect(flash().attribute("flash", "flash.offer.draftSaved"));

		Offer draft = onlyOfferTitled(title);
		assertThat(draft.getStatus()).isEqualTo(OfferStatus.DRAFT);
		assertThat(draft.getReference()).isNull();
		assertThat(draft.getDescription()).isNull();
		assertThat(draft.getExpertiseAreas()).isEmpty();
		Document mine = html(this.mvc.perform(get("/offers/mine").with(provider())).andReturn());
		assertThat(mine.select("table td").eachText()).contains(title);
		assertThat(mine.select("a[href='/offers/edit/" + draft.getId() + "']")).hasSize(1);
		Document form = editPage(draft.getId());
		assertThat(shown(form, "title")).containsExactly(title);
	}

	@Test
	void sendingAnIncompleteOfferShowsTheFormAgainWithEveryMissingPart() throws Exception {
		String title = unique("Half-written offer");
		long id = this.examples.draft(PROVIDER, emptyContent(title));
		long versionBefore = this.examples.versionOf(id);

		MvcResult result = this.mvc
			.perform(post("/offers/edit/{id}", id).with(csrf())
				.with(provider())
				.param("title", title)
				.param("version", String.valueOf(versionBefore))
				.param("action", "submit"))
			.andExpect(status().isOk())
			.andExpect(view().name("offers/form"))
			.andReturn();

		BindingResult errors = bindingResult(result);
		assertThat(errors.getFieldErrors().stream().map(FieldError::getField).distinct())
			.containsExactlyInAnyOrder("description", "areas", "modalities", "workingLanguages", "reach", "capacity",
					"funding");
		Document page = html(result);
		assertThat(page.select(".error-summary a").eachAttr("href")).contains("#description", "#areas",
				"#modalities", "#workingLanguages", "#reach", "#capacity", "#funding");
		assertThat(shown(page, "title")).containsExactly(title);
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.DRAFT);
		assertThat(this.examples.versionOf(id)).as("nothing is saved").isEqualTo(versionBefore);
	}

	// --- every field typed wrong --------------------------------------------------------------

	static Stream<Arguments> badAnswers() {
		return Stream.of(bad("title", "Size", "t".repeat(201)), bad("title", "Size", SCRIPT + "t".repeat(180)),
				bad("description", "Size", "d".repeat(5001)), bad("areas", "request.area.unknown", "NOPE"),
				bad("areas", "request.area.unknown", "VALUATION", "NOPE"),
				bad("areas", "request.area.unknown", SCRIPT),
				bad("workingLanguages", "request.language.unknown", "xx"),
				bad("workingLanguages", "request.language.unknown", "en", SQL),
				bad("expertsLanguages", "request.language.unknown", "xx"),
				bad("reachRegions", "offer.region.unknown", "Atlantis"),
				bad("reachParticipants", "request.beneficiaries.unknown", "ZZ"),
				bad("conflictParticipants", "request.beneficiaries.unknown", "ZZ"),
				bad("conflictParticipants", "request.beneficiaries.unknown", SCRIPT),
				bad("modalities", "typeMismatch", "TELEPORT"),
				bad("modalities", "typeMismatch", "WORKSHOP", "TELEPORT"),
				bad("funding", "typeMismatch", "FREE"), bad("funding", "typeMismatch", SCRIPT),
				bad("reach", "typeMismatch", "EVERYWHERE"), bad("capacity", "Min", "0"),
				bad("capacity", "Max", "101"), bad("capacity", "typeMismatch", "abc"),
				bad("expertsCount", "Min", "0"), bad("expertsCount", "typeMismatch", "two"),
				bad("expertsSeniority", "Size", "s".repeat(2001)),
				bad("availableFrom", "typeMismatch", "2027-13-45"),
				bad("availableUntil", "typeMismatch", "2027-13-45"),
				bad("availableUntil", "request.window.order", AVAILABLE_FROM.minusDays(1).toString()),
				bad("availableUntil", "request.window.past", TODAY.minusDays(1).toString()),
				bad("conflictReason", "offer.conflictReason.required", ""),
				bad("conflictReason", "Size", "r".repeat(2001)));
	}

	private static Arguments bad(String field, String code, String... values) {
		String shown = String.join(", ", Stream.of(values)
			.map(v -> v.length() > 30 ? v.length() + " characters" : "\"" + v + "\"")
			.toList());
		return Arguments.of(field, code, Named.of(shown, List.of(values)));
	}

	@ParameterizedTest(name = "{0} = {2} is refused with {1}")
	@MethodSource("badAnswers")
	void aBadAnswerIsExplainedAtItsFieldAndEverythingElseTypedIsKept(String field, String code, List<String> values)
			throws Exception {
		String title = unique("Offer with one mistake");
		long id = this.examples.draft(PROVIDER, title);
		long versionBefore = this.examples.versionOf(id);
		Map<String, List<String>> answers = validAnswers(title);
		answers.put(field, values);

		for (String action : List.of("save", "submit")) {
			MvcResult result = this.mvc
				.perform(form(post("/offers/edit/{id}", id), answers).param("version", String.valueOf(versionBefore))
					.param("action", action)
					.with(provider()))
				.andExpect(status().isOk())
				.andExpect(view().name("offers/form"))
				.andReturn();

			assertFieldError(result, field, code);
			Document page = onlyText(result);
			answers.forEach((name, typed) -> {
				if (!name.equals(field)) {
					assertThat(shown(page, name)).as("%s, typed beside the bad answer", name)
						.containsExactlyInAnyOrderElementsOf(typed);
				}
			});
			assertThat(shown(page, field)).as("the bad answer, as far as the field can show it")
				.containsExactlyInAnyOrderElementsOf(showable(page, field, values, code));
		}
		assertThat(this.examples.versionOf(id)).as("nothing is saved").isEqualTo(versionBefore);
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.DRAFT);
	}

	@Test
	void aVisitorsBadAnswerIsExplainedAndNothingIsKeptForLater() throws Exception {
		MockHttpSession session = new MockHttpSession();
		Map<String, List<String>> answers = validAnswers(unique("A visitor's offer"));
		answers.put("capacity", List.of("101"));

		MvcResult result = this.mvc.perform(form(post("/offers/new"), answers).session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("offers/form"))
			.andReturn();

		assertFieldError(result, "capacity", "Max");
		assertThat(shown(html(result), "title")).containsExactlyElementsOf(answers.get("title"));
		assertThat(session.getAttribute(OfferFormController.PENDING_OFFER)).isNull();
	}

	@Test
	void markupAndSqlAreStoredAsTypedAndShownOnlyAsText() throws Exception {
		String title = SCRIPT + " " + unique(SQL);
		Map<String, List<String>> answers = validAnswers(title);
		answers.put("description", List.of(SCRIPT + "\n" + SQL));
		answers.put("expertsSeniority", List.of("\"><img src=x onerror=alert(2)>"));
		answers.put("conflictReason", List.of(SQL));

		MvcResult sent = this.mvc
			.perform(form(post("/offers/new"), answers).param("action", "submit").with(provider()))
			.andExpect(redirectedUrl("/offers/mine"))
			.andReturn();
		String reference = (String) sent.getFlashMap().get("submittedReference");
		Offer stored = this.offers.findByReference(reference).orElseThrow();
		assertThat(stored.getTitle()).isEqualTo(title);
		assertThat(stored.getDescription()).isEqualTo(SCRIPT + "\n" + SQL);
		assertThat(stored.getExpertsSeniority()).isEqualTo("\"><img src=x onerror=alert(2)>");
		assertThat(stored.getConflictReason()).isEqualTo(SQL);
		assertThat(count("select count(*) from offer where id = ?", stored.getId())).as("the table is still there")
			.isEqualTo(1);

		Document form = onlyText(this.mvc.perform(get("/offers/edit/{id}", stored.getId()).with(provider()))
			.andExpect(status().isOk())
			.andReturn());
		answers.forEach((name, typed) -> assertThat(shown(form, name)).as(name)
			.containsExactlyInAnyOrderElementsOf(typed));
		assertThat(onlyText(this.mvc.perform(get("/offers/mine").with(provider())).andReturn()).select("table td")
			.eachText()).contains(title);
		Document vetting = onlyText(this.mvc.perform(get("/admin/offers/{ref}", reference).with(as(COORDINATOR)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(vetting.select("main").text()).contains(title, SCRIPT, SQL);
		onlyText(this.mvc.perform(get("/admin/offers").param("status", "SUBMITTED").with(as(COORDINATOR)))
			.andReturn());

		this.examples.decide(reference, Decision.PUBLISH, null);
		Document detail = onlyText(this.mvc.perform(get("/offers/{ref}", reference).with(as(OFFICIAL)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(detail.select("h1").text()).contains(title);
		onlyText(this.mvc.perform(get("/offers").with(as(OFFICIAL))).andReturn());
	}

	// --- a visitor who signs in ---------------------------------------------------------------

	@Test
	void aVisitorsOfferIsKeptInTheSessionAndBecomesTheProvidersDraftAfterSigningIn() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String title = unique("A visitor's valuation workshop");

		this.mvc.perform(get("/offers/new").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("offers/form"));
		this.mvc.perform(form(post("/offers/new"), validAnswers(title)).param("action", "submit").session(session))
			.andExpect(redirectedUrl("/offers/new/account"));
		assertThat(count("select count(*) from offer where title = ?", title))
			.as("nothing is stored before the visitor signs in")
			.isZero();
		assertThat(session.getAttribute(PostSignIn.CONTINUE_AT)).isEqualTo("/offers/new/continue");
		this.mvc.perform(get("/offers/new/account").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("offers/account"));

		this.mvc
			.perform(post("/login").session(session)
				.with(csrf())
				.param("email", PROVIDER)
				.param("password", DEMO_PASSWORD))
			.andExpect(redirectedUrl("/offers/new/continue"));
		String formPage = this.mvc.perform(get("/offers/new/continue").session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(formPage).matches("/offers/edit/\\d+");
		long id = Long.parseLong(formPage.split("/")[3]);
		Offer draft = this.examples.offer(id);
		assertThat(draft.getStatus()).as("kept as a draft, to be sent by the provider").isEqualTo(OfferStatus.DRAFT);
		assertThat(draft.getOrganisationId()).isEqualTo(wco());
		assertThat(draft.getOwnerId()).isEqualTo(this.examples.person(PROVIDER).id());
		assertThat(draft.getTitle()).isEqualTo(title);
		assertThat(draft.getCapacity()).isEqualTo(3);
		assertThat(draft.getConflictParticipants()).containsExactly("ZW");
		Document page = html(this.mvc.perform(get(formPage).session(session)).andExpect(status().isOk()).andReturn());
		validAnswers(title).forEach((name, typed) -> assertThat(shown(page, name)).as(name)
			.containsExactlyInAnyOrderElementsOf(typed));

		// the kept offer is used once: continuing again starts afresh
		this.mvc.perform(get("/offers/new/continue").session(session)).andExpect(redirectedUrl("/offers/new"));
		assertThat(count("select count(*) from offer where title = ?", title)).isEqualTo(1);
	}

	@Test
	void officialsAndCoordinatorsAreRefusedTheOfferForm() throws Exception {
		for (String email : List.of(OFFICIAL, COORDINATOR, "admin@example.org")) {
			String title = unique("Not a provider's offer");
			this.mvc.perform(get("/offers/new").with(as(email))).andExpect(status().isForbidden());
			this.mvc.perform(form(post("/offers/new"), validAnswers(title)).param("action", "submit").with(as(email)))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/offers/new/continue").with(as(email))).andExpect(status().isForbidden());
			this.mvc.perform(get("/offers/mine").with(as(email))).andExpect(status().isForbidden());
			assertThat(count("select count(*) from offer where title = ?", title)).isZero();
		}
	}

	// --- changing a published offer -----------------------------------------------------------

	@Test
	void changingAPublishedOffersDescriptionWindowOrCapacityKeepsItPublished() throws Exception {
		String title = unique("Published valuation course");
		String reference = publishedThroughTheForm(title);
		long id = this.examples.idOf(reference);
		Map<String, List<String>> answers = validAnswers(title);
		answers.put("description", List.of("Now with a day of practice on alluvial parcels."));
		answers.put("availableUntil", List.of(AVAILABLE_UNTIL.plusMonths(1).toString()));
		answers.put("capacity", List.of("4"));

		this.mvc.perform(form(post("/offers/edit/{id}", id), answers).param("action", "save")
			.param("version", hiddenVersion(editPage(id), "/offers/edit/" + id))
			.with(provider())).andExpect(redirectedUrl("/offers/mine"));

		Offer changed = this.examples.offer(id);
		assertThat(changed.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(changed.getDescription()).isEqualTo("Now with a day of practice on alluvial parcels.");
		assertThat(changed.getCapacity()).isEqualTo(4);
		assertThat(catalogue()).contains(reference);
		assertThat(html(this.mvc.perform(get("/offers/{ref}", reference).with(as(OFFICIAL)))
			.andExpect(status().isOk())
			.andReturn()).select("main").text()).contains("Now with a day of practice on alluvial parcels.");
	}

	static Stream<Arguments> changesThatNeedVetting() {
		return Stream.of(Arguments.of("areas", List.of("VALUATION", "GEOLOGY")),
				Arguments.of("workingLanguages", List.of("en")), Arguments.of("funding", List.of("PARTLY_FUNDED")),
				Arguments.of("reach", List.of("REGIONS")));
	}

	@ParameterizedTest(name = "changing {0} to {1}")
	@MethodSource("changesThatNeedVetting")
	void changingAPublishedOffersAreasLanguagesReachOrFundingSendsItBackForVetting(String field, List<String> values)
			throws Exception {
		String title = unique("Published offer changed in " + field);
		String reference = publishedThroughTheForm(title);
		long id = this.examples.idOf(reference);
		Map<String, List<String>> answers = validAnswers(title);
		answers.put(field, values);
		if (field.equals("reach")) {
			answers.put("reachRegions", List.of("Africa"));
		}

		this.mvc.perform(form(post("/offers/edit/{id}", id), answers).param("action", "save")
			.param("version", hiddenVersion(editPage(id), "/offers/edit/" + id))
			.with(provider())).andExpect(redirectedUrl("/offers/mine"));

		Offer changed = this.examples.offer(id);
		assertThat(changed.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(changed.getReference()).as("the same reference").isEqualTo(reference);
		assertThat(catalogue()).doesNotContain(reference);
		this.mvc.perform(get("/offers/{ref}", reference).with(as(OFFICIAL))).andExpect(status().isNotFound());
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.SUBMITTED);
		this.examples.decide(reference, Decision.PUBLISH, null);
		assertThat(catalogue()).contains(reference);
	}

	@Test
	void sendingAPublishedOfferForVettingAfterChangingItsDescriptionKeepsItPublished() throws Exception {
		String title = unique("Published offer sent with the main button");
		String reference = publishedThroughTheForm(title);
		long id = this.examples.idOf(reference);
		Map<String, List<String>> answers = validAnswers(title);
		answers.put("description", List.of("A shorter week, same trainers."));

		// the form's main button is the same on a live offer: it saves, and needs no new vetting
		this.mvc.perform(form(post("/offers/edit/{id}", id), answers).param("action", "submit")
			.param("version", hiddenVersion(editPage(id), "/offers/edit/" + id))
			.with(provider()))
			.andExpect(redirectedUrl("/offers/mine"))
			.andExpect(flash().attribute("flash", "flash.offer.saved"));

		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(this.examples.offer(id).getDescription()).isEqualTo("A shorter week, same trainers.");
	}

	// --- pausing, resuming, withdrawing -------------------------------------------------------

	@Test
	void aPausedOfferLeavesTheCatalogueAndComesBackWhenResumed() throws Exception {
		String reference = this.examples.published(PROVIDER);
		long id = this.examples.idOf(reference);
		assertThat(catalogue()).contains(reference);

		this.mvc.perform(post("/offers/edit/{id}/pause", id).with(csrf())
			.with(provider())
			.param("version", listedVersion(id, "pause"))).andExpect(redirectedUrl("/offers/mine"));
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.PAUSED);
		assertThat(catalogue()).doesNotContain(reference);
		this.mvc.perform(get("/offers/{ref}", reference).with(as(OFFICIAL))).andExpect(status().isNotFound());
		this.mvc.perform(get("/offers/{ref}", reference).with(provider())).andExpect(status().isOk());

		this.mvc.perform(post("/offers/edit/{id}/resume", id).with(csrf())
			.with(provider())
			.param("version", listedVersion(id, "resume"))).andExpect(redirectedUrl("/offers/mine"));
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(catalogue()).contains(reference);
		this.mvc.perform(get("/offers/{ref}", reference).with(as(OFFICIAL))).andExpect(status().isOk());
	}

	@Test
	void aWithdrawnOfferLeavesTheCatalogueAndCanNoLongerBeChanged() throws Exception {
		String reference = this.examples.published(PROVIDER);
		long id = this.examples.idOf(reference);

		this.mvc.perform(post("/offers/edit/{id}/withdraw", id).with(csrf())
			.with(provider())
			.param("version", listedVersion(id, "withdraw"))).andExpect(redirectedUrl("/offers/mine"));

		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.WITHDRAWN);
		assertThat(catalogue()).doesNotContain(reference);
		this.mvc.perform(get("/offers/{ref}", reference).with(as(OFFICIAL))).andExpect(status().isNotFound());
		this.mvc.perform(get("/offers/edit/{id}", id).with(provider())).andExpect(redirectedUrl("/offers/mine"));
		this.mvc.perform(post("/offers/edit/{id}/resume", id).with(csrf())
			.with(provider())
			.param("version", String.valueOf(this.examples.versionOf(id)))).andExpect(status().isConflict());
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.WITHDRAWN);
	}

	@Test
	void withdrawingADraftThatWasNeverSentDiscardsIt() throws Exception {
		long id = this.examples.draft(PROVIDER);
		this.mvc.perform(post("/offers/edit/{id}/withdraw", id).with(csrf())
			.with(provider())
			.param("version", listedVersion(id, "withdraw"))).andExpect(redirectedUrl("/offers/mine"));
		assertThat(this.offers.findById(id)).isEmpty();
		this.mvc.perform(get("/offers/edit/{id}", id).with(provider())).andExpect(status().isNotFound());
	}

	@Test
	void aChangeOnAVersionThatIsNoLongerCurrentIsRefusedWithAConflict() throws Exception {
		String title = unique("Offer changed in two tabs");
		String reference = publishedThroughTheForm(title);
		long id = this.examples.idOf(reference);
		String seen = hiddenVersion(editPage(id), "/offers/edit/" + id);
		Map<String, List<String>> answers = validAnswers(title);
		answers.put("description", List.of("Changed in the first tab."));
		this.mvc.perform(form(post("/offers/edit/{id}", id), answers).param("version", seen).with(provider()))
			.andExpect(redirectedUrl("/offers/mine"));
		long current = this.examples.versionOf(id);

		answers.put("description", List.of("Changed in the second tab."));
		this.mvc.perform(form(post("/offers/edit/{id}", id), answers).param("version", seen).with(provider()))
			.andExpect(status().isConflict());
		for (String action : List.of("pause", "withdraw")) {
			this.mvc.perform(post("/offers/edit/{id}/" + action, id).with(csrf()).with(provider()).param("version", seen))
				.andExpect(status().isConflict());
		}

		Offer after = this.examples.offer(id);
		assertThat(after.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(after.getDescription()).isEqualTo("Changed in the first tab.");
		assertThat(after.getVersion()).isEqualTo(current);
	}

	@Test
	void aCoordinatorsDecisionOnAVersionThatIsNoLongerCurrentIsRefusedWithAConflict() throws Exception {
		String reference = this.examples.submitted(PROVIDER);
		long id = this.examples.idOf(reference);
		String seen = hiddenVersion(vettingPage(reference), "/admin/offers/" + reference + "/publish");
		this.examples.decide(reference, Decision.ASK_CHANGES, "Please name the trainers.");
		this.examples.submit(id, PROVIDER);

		this.mvc.perform(post("/admin/offers/{ref}/publish", reference).with(csrf())
			.with(as(COORDINATOR))
			.param("version", seen)).andExpect(status().isConflict());
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.SUBMITTED);
	}

	// --- the coordinators' decisions as the provider sees them --------------------------------

	@Test
	void aCoordinatorsRequestForChangesIsShownToTheProviderWhoSendsTheOfferAgain() throws Exception {
		String title = unique("Offer the coordinator asks about");
		String reference = this.examples.submit(this.examples.draft(PROVIDER, title), PROVIDER);
		long id = this.examples.idOf(reference);
		String note = "Please say who pays for the trainers' travel.";

		this.mvc.perform(post("/admin/offers/{ref}/ask-changes", reference).with(csrf())
			.with(as(COORDINATOR))
			.param("version", hiddenVersion(vettingPage(reference), "/admin/offers/" + reference + "/ask-changes"))
			.param("text", note)).andExpect(redirectedUrl("/admin/offers/" + reference));

		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.CHANGES_ASKED);
		Document form = editPage(id);
		assertThat(form.select(".notice").text()).contains(note);
		Document mine = html(this.mvc.perform(get("/offers/mine").with(provider())).andReturn());
		assertThat(mine.select("tr:has(a[href='/offers/edit/" + id + "'])").text()).contains(note);

		Map<String, List<String>> answers = validAnswers(title);
		answers.put("description", List.of("Travel is paid by the World Customs Organization."));
		MvcResult sent = this.mvc
			.perform(form(post("/offers/edit/{id}", id), answers).param("action", "submit")
				.param("version", hiddenVersion(form, "/offers/edit/" + id))
				.with(provider()))
			.andExpect(redirectedUrl("/offers/mine"))
			.andReturn();
		assertThat(sent.getFlashMap().get("submittedReference")).as("the same reference").isEqualTo(reference);
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(this.examples.offer(id).getVettingNote()).as("the answered note is gone").isNull();
	}

	@Test
	void aCoordinatorDeclinesAnOfferOnlyWithAReason() throws Exception {
		String reference = this.examples.submitted(PROVIDER);
		long id = this.examples.idOf(reference);
		String version = hiddenVersion(vettingPage(reference), "/admin/offers/" + reference + "/decline");

		for (String text : List.of("", "   ", "r".repeat(5001))) {
			MvcResult refused = this.mvc
				.perform(post("/admin/offers/{ref}/decline", reference).with(csrf())
					.with(as(COORDINATOR))
					.param("version", version)
					.param("text", text))
				.andExpect(status().isOk())
				.andExpect(view().name("offers/detail"))
				.andReturn();
			Document page = html(refused);
			assertThat(page.select("#text-DECLINE").first().closest(".field").hasClass("field-error")).isTrue();
			assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.SUBMITTED);
		}

		String reason = "Customs training is already offered to these participants by another organisation.";
		this.mvc.perform(post("/admin/offers/{ref}/decline", reference).with(csrf())
			.with(as(COORDINATOR))
			.param("version", version)
			.param("text", reason)).andExpect(redirectedUrl("/admin/offers/" + reference));

		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.DECLINED);
		Document mine = html(this.mvc.perform(get("/offers/mine").with(provider())).andReturn());
		assertThat(mine.select("tr:has(a[href='/offers/" + reference + "'])").text()).contains(reason);
		assertThat(catalogue()).doesNotContain(reference);
		this.mvc.perform(get("/offers/edit/{id}", id).with(provider())).andExpect(redirectedUrl("/offers/mine"));
	}

	// --- helpers ------------------------------------------------------------------------------

	private RequestPostProcessor provider() {
		return as(PROVIDER);
	}

	private RequestPostProcessor as(String email) {
		return signedIn(this.examples.person(email));
	}

	private long wco() {
		return this.jdbc.queryForObject("select id from organisation where short_name = 'WCO'", Long.class);
	}

	/** Sends the form as a provider and has a coordinator publish it; its reference. */
	private String publishedThroughTheForm(String title) throws Exception {
		MvcResult sent = this.mvc
			.perform(form(post("/offers/new"), validAnswers(title)).param("action", "submit").with(provider()))
			.andExpect(redirectedUrl("/offers/mine"))
			.andReturn();
		String reference = (String) sent.getFlashMap().get("submittedReference");
		this.examples.decide(reference, Decision.PUBLISH, null);
		return reference;
	}

	private static OfferContent emptyContent(String title) {
		return new OfferContent(title, null, List.of(), List.of(), List.of(), null, List.of(), List.of(), null, null,
				null, null, null, null, List.of(), List.of(), null);
	}

	private Offer onlyOfferTitled(String title) {
		Long id = this.jdbc.queryForObject("select id from offer where title = ?", Long.class, title);
		return this.examples.offer(id);
	}

	private Document editPage(long id) throws Exception {
		return html(this.mvc.perform(get("/offers/edit/{id}", id).with(provider()))
			.andExpect(status().isOk())
			.andExpect(view().name("offers/form"))
			.andReturn());
	}

	private Document vettingPage(String reference) throws Exception {
		return html(this.mvc.perform(get("/admin/offers/{ref}", reference).with(as(COORDINATOR)))
			.andExpect(status().isOk())
			.andReturn());
	}

	/** The version the provider's list carries in the form of an action on an offer. */
	private String listedVersion(long id, String action) throws Exception {
		Document mine = html(this.mvc.perform(get("/offers/mine").with(provider())).andReturn());
		return hiddenVersion(mine, "/offers/edit/" + id + "/" + action);
	}

	/** Every reference the catalogue lists to an official, from all its pages. */
	private List<String> catalogue() throws Exception {
		List<String> references = new ArrayList<>();
		for (int number = 0;; number++) {
			MvcResult result = this.mvc.perform(get("/offers").param("page", String.valueOf(number)).with(as(OFFICIAL)))
				.andExpect(status().isOk())
				.andReturn();
			Page<?> page = (Page<?>) result.getModelAndView().getModel().get("page");
			page.getContent().forEach(offer -> references.add(((Offer) offer).getReference()));
			if (!page.hasNext()) {
				return references;
			}
		}
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request,
			Map<String, List<String>> answers) {
		request.with(csrf());
		answers.forEach((name, values) -> {
			if (!values.isEmpty()) {
				request.param(name, values.toArray(String[]::new));
			}
		});
		return request;
	}

	private static BindingResult bindingResult(MvcResult result) {
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + "offer");
		assertThat(errors).as("the form's checks").isNotNull();
		return errors;
	}

	private void assertFieldError(MvcResult result, String field, String code) throws Exception {
		List<FieldError> fieldErrors = bindingResult(result).getFieldErrors(field);
		assertThat(fieldErrors).extracting(FieldError::getCode).as("the error codes of %s", field).contains(code);
		FieldError error = fieldErrors.stream().filter(e -> code.equals(e.getCode())).findFirst().orElseThrow();
		String message = this.messages.getMessage(error, result.getResponse().getLocale());

		Document page = html(result);
		Element input = page.getElementById(field);
		assertThat(input).as("the field %s on the page", field).isNotNull();
		Element container = input.hasClass("field") ? input : input.closest(".field");
		if (container != null) {
			assertThat(container.hasClass("field-error")).as("%s is marked as wrong", field).isTrue();
		}
		else {
			container = input;
		}
		assertThat(container.select(".error-message").text()).as("the message beside %s", field).contains(message);
		assertThat(page.select(".error-summary a[href='#" + field + "']").eachText()).as("the summary")
			.contains(message);
	}

	/** What the page shows in a field: the ticked boxes, the chosen radio or option, or the text. */
	private static List<String> shown(Document page, String name) {
		Elements boxes = page.select("input[type=checkbox][name=" + name + "], input[type=radio][name=" + name + "]");
		if (!boxes.isEmpty()) {
			return boxes.stream().filter(box -> box.hasAttr("checked")).map(Element::val).toList();
		}
		Element select = page.selectFirst("select[name=" + name + "]");
		if (select != null) {
			return select.select("option[selected]").eachAttr("value").stream().filter(v -> !v.isEmpty()).toList();
		}
		Element textarea = page.selectFirst("textarea[name=" + name + "]");
		if (textarea != null) {
			return List.of(textarea.wholeText());
		}
		Element input = page.selectFirst("input[name=" + name + "]");
		assertThat(input).as("a field named %s", name).isNotNull();
		return List.of(input.val());
	}

	/**
	 * Of what was typed, what a field can show: text as typed, a number field only a number, and of
	 * choices those it offers, unless the answer could not be read as choices at all.
	 */
	private static List<String> showable(Document page, String name, List<String> typed, String code) {
		List<String> offered = new ArrayList<>();
		page.select("input[type=checkbox][name=" + name + "], input[type=radio][name=" + name + "]")
			.forEach(box -> offered.add(box.val()));
		page.select("select[name=" + name + "] option").forEach(option -> offered.add(option.val()));
		if (offered.isEmpty()) {
			String text = typed.isEmpty() ? "" : typed.get(0);
			boolean numberField = !page.select("input[type=number][name=" + name + "]").isEmpty();
			return List.of(numberField && !text.matches("-?\\d+") ? "" : text);
		}
		if ("typeMismatch".equals(code)) {
			return List.of();
		}
		return typed.stream().filter(value -> !value.isEmpty() && offered.contains(value)).toList();
	}

	/** The hidden version of the form posting to this address. */
	private static String hiddenVersion(Document page, String action) {
		Element form = page.selectFirst("form[action='" + action + "']");
		assertThat(form).as("a form posting to %s", action).isNotNull();
		return form.selectFirst("input[name=version]").val();
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	private static String unique(String text) {
		return text + " " + System.nanoTime();
	}

	private static Document html(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** The page, after checking that nothing typed became markup on it. */
	private static Document onlyText(MvcResult result) throws Exception {
		String body = result.getResponse().getContentAsString();
		assertThat(body).as("the page's source").doesNotContain(SCRIPT).doesNotContain("<img src=x");
		Document page = Jsoup.parse(body);
		assertThat(page.select("script").stream().map(Element::data)).noneMatch(code -> code.contains("alert"));
		assertThat(page.select("[onerror], [onload], [onclick]")).isEmpty();
		return page;
	}
}
