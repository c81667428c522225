package org.taexchange.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Modality;
import org.taexchange.platform.PostSignIn;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * The request form as an official goes through it in the browser: the six steps, submitting once
 * whatever the clicks, going back and finishing later, the regional quick pick, a visitor who signs
 * in half-way, and what happens after submitting (questions from the coordinator, withdrawing).
 */
@IntegrationTest
class RequestFormTests {

	static final String OFFICIAL = "official.sl@example.org";

	static final String OFFICIAL_CI = "official.ci@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	static final String PROVIDER = "provider@example.org";

	static final String DEMO_PASSWORD = "kimberley-demo-2026";

	static final String PASSWORD = "a pass phrase for the request form tests";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RequestDrafts drafts;

	@Autowired
	AssistanceRequests requests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	// --- the six steps -------------------------------------------------------------------------

	@Test
	void anOfficialGoesThroughTheSixStepsAndGetsAReferenceNumber() throws Exception {
		RequestPostProcessor official = as(OFFICIAL);
		String title = unique("Valuation training in Kenema");

		this.mvc.perform(get("/requests/new").with(official))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/who"));
		String needPage = this.mvc.perform(whoAnswers(post("/requests/new")).with(official))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(needPage).matches("/requests/drafts/\\d+/need");
		long id = Long.parseLong(needPage.split("/")[3]);

		this.mvc.perform(get(needPage).with(official))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/need"));
		this.mvc.perform(needAnswers(id, title).with(official))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/expertise"));

		this.mvc.perform(get("/requests/drafts/{id}/expertise", id).with(official))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/expertise"));
		this.mvc.perform(expertiseAnswers(id).with(official))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/practicalities"));

		this.mvc.perform(get("/requests/drafts/{id}/practicalities", id).with(official))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/practicalities"));
		this.mvc.perform(practicalitiesAnswers(id).with(official))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/attachments"));

		this.mvc.perform(get("/requests/drafts/{id}/attachments", id).with(official))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/attachments"));
		this.mvc.perform(post("/requests/drafts/{id}/attachments/done", id).with(csrf()).with(official))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/review"));

		MvcResult review = this.mvc.perform(get("/requests/drafts/{id}/review", id).with(official))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/review"))
			.andExpect(model().attribute("missing", List.of()))
			.andReturn();
		Document reviewPage = html(review);
		assertThat(reviewPage.select("main").text()).contains(title, "Fatmata Koroma", "focal@example.org");
		String version = hiddenVersion(reviewPage, "/requests/drafts/" + id + "/submit");

		String submitted = this.mvc
			.perform(post("/requests/drafts/{id}/submit", id).with(csrf()).with(official).param("version", version))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(submitted).matches("/requests/TA-" + Year.now(this.clock) + "-\\d{4,}/submitted");
		String reference = submitted.split("/")[2];

		MvcResult confirmation = this.mvc.perform(get(submitted).with(official))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/submitted"))
			.andReturn();
		assertThat(html(confirmation).select(".reference").text()).isEqualTo(reference);

		AssistanceRequest stored = this.requests.findById(id).orElseThrow();
		assertThat(stored.getReference()).isEqualTo(reference);
		assertThat(stored.getStatus()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(stored.getRequestingParticipant()).isEqualTo("SL");
		assertThat(stored.getBeneficiaryCountries()).containsExactly("SL", "LR");
		assertThat(stored.getTitle()).isEqualTo(title);
		assertThat(stored.getEvidenceReportYear()).isEqualTo(lastYear());
		assertThat(stored.getPrimaryArea()).isEqualTo("VALUATION");
		assertThat(stored.getExpertiseAreas()).containsExactlyInAnyOrder("VALUATION", "STATISTICS");
		assertThat(stored.getModalities()).containsExactly(Modality.WORKSHOP, Modality.EXPERT_MISSION);
		assertThat(stored.getWorkingLanguages()).containsExactly("en", "fr");
		assertThat(stored.getEarliestStart()).isEqualTo(earliestStart());
		assertThat(stored.getLatestEnd()).isEqualTo(latestEnd());
		assertThat(stored.getUrgency()).isEqualTo(Urgency.SOON);
		assertThat(stored.getBeneficiariesCount()).isEqualTo(20);
		assertThat(stored.getFunding()).isEqualTo(Funding.CAN_CO_FUND);

		MvcResult detail = this.mvc.perform(get("/requests/{ref}", reference).with(official))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/detail"))
			.andReturn();
		assertThat(html(detail).select("h1").text()).contains(reference, title);
		MvcResult list = this.mvc.perform(get("/requests").with(official)).andExpect(status().isOk()).andReturn();
		assertThat(html(list).select("table a").eachText()).contains(reference);
	}

	@Test
	void submittingTheSameVersionTwiceGivesTheSameReferenceAndOneRequest() throws Exception {
		RequestPostProcessor official = as(OFFICIAL);
		String title = unique("Border post controls");
		long id = aCompleteDraft(OFFICIAL, title);
		String version = hiddenVersion(
				html(this.mvc.perform(get("/requests/drafts/{id}/review", id).with(official)).andReturn()),
				"/requests/drafts/" + id + "/submit");

		String first = this.mvc
			.perform(post("/requests/drafts/{id}/submit", id).with(csrf()).with(official).param("version", version))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String second = this.mvc
			.perform(post("/requests/drafts/{id}/submit", id).with(csrf()).with(official).param("version", version))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(second).isEqualTo(first).matches("/requests/TA-\\d{4}-\\d{4,}/submitted");
		String reference = first.split("/")[2];
		assertThat(count("select count(*) from assistance_request where reference = ?", reference)).isEqualTo(1);
		assertThat(count("select count(*) from assistance_request where title = ?", title)).isEqualTo(1);
		assertThat(count("select count(*) from request_status_change where request_id = ? and to_status = 'SUBMITTED'",
				id))
			.isEqualTo(1);
		assertThat(count("select count(*) from decision_log where subject_type = 'REQUEST' and subject_id = ? "
				+ "and action = 'SUBMITTED'", reference))
			.isEqualTo(1);
	}

	// --- back and later ------------------------------------------------------------------------

	@Test
	void goingBackOrFinishingLaterKeepsIncompleteAnswers() throws Exception {
		RequestPostProcessor official = as(OFFICIAL);
		long id = aDraftAtStepTwo(OFFICIAL);
		String title = unique("Half-written need");

		this.mvc
			.perform(post("/requests/drafts/{id}/need", id).with(csrf())
				.with(official)
				.param("action", "back")
				.param("title", title)
				.param("problemStatement", "")
				.param("objectives", "")
				.param("expectedOutcomes", ""))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/who"));
		AssistanceRequest afterBack = this.requests.findById(id).orElseThrow();
		assertThat(afterBack.getTitle()).isEqualTo(title);
		assertThat(afterBack.getProblemStatement()).isNull();
		assertThat(afterBack.getStatus()).isEqualTo(RequestStatus.DRAFT);

		this.mvc
			.perform(post("/requests/drafts/{id}/need", id).with(csrf())
				.with(official)
				.param("action", "later")
				.param("title", "")
				.param("problemStatement", "Valuers have no reference stones.")
				.param("evidenceReportYear", ""))
			.andExpect(redirectedUrl("/requests?saved"));
		AssistanceRequest afterLater = this.requests.findById(id).orElseThrow();
		assertThat(afterLater.getTitle()).isNull();
		assertThat(afterLater.getProblemStatement()).isEqualTo("Valuers have no reference stones.");

		this.mvc
			.perform(post("/requests/drafts/{id}/expertise", id).with(csrf())
				.with(official)
				.param("action", "later")
				.param("primaryArea", "FOOTPRINTING"))
			.andExpect(redirectedUrl("/requests?saved"));
		assertThat(this.requests.findById(id).orElseThrow().getPrimaryArea()).isEqualTo("FOOTPRINTING");
		assertThat(this.requests.findById(id).orElseThrow().getModalities()).isEmpty();

		this.mvc
			.perform(post("/requests/drafts/{id}/practicalities", id).with(csrf())
				.with(official)
				.param("action", "back")
				.param("workingLanguages", "fr")
				.param("urgency", "")
				.param("funding", ""))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/expertise"));
		AssistanceRequest afterPracticalities = this.requests.findById(id).orElseThrow();
		assertThat(afterPracticalities.getWorkingLanguages()).containsExactly("fr");
		assertThat(afterPracticalities.getUrgency()).isNull();

		MvcResult list = this.mvc.perform(get("/requests").param("saved", "").with(official))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(html(list).select("ul.drafts a").eachAttr("href")).contains("/requests/drafts/" + id);
		this.mvc.perform(get("/requests/drafts/{id}", id).with(official))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/attachments"));
	}

	@Test
	void goingBackOrFinishingLaterRefusesTextThatIsTooLongAndShowsItAgain() throws Exception {
		RequestPostProcessor official = as(OFFICIAL);
		long id = aDraftAtStepTwo(OFFICIAL);
		long versionBefore = version(id);
		String tooLong = "x".repeat(201);

		for (String action : List.of("back", "later")) {
			MvcResult result = this.mvc
				.perform(post("/requests/drafts/{id}/need", id).with(csrf())
					.with(official)
					.param("action", action)
					.param("title", tooLong)
					.param("problemStatement", "Kept as typed")
					.param("objectives", ""))
				.andExpect(status().isOk())
				.andExpect(view().name("requests/need"))
				.andReturn();
			assertThat(fieldErrorCodes(result, "need", "title")).as(action).contains("Size");
			Document page = html(result);
			assertThat(page.getElementById("title").val()).isEqualTo(tooLong);
			assertThat(page.getElementById("problemStatement").val()).isEqualTo("Kept as typed");
			assertThat(page.getElementById("title-error")).as("the title's error").isNotNull();
		}

		MvcResult later = this.mvc
			.perform(post("/requests/drafts/{id}/practicalities", id).with(csrf())
				.with(official)
				.param("action", "later")
				.param("workingLanguages", "en")
				.param("interpretationNeeds", "y".repeat(1001)))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/practicalities"))
			.andReturn();
		assertThat(fieldErrorCodes(later, "practicalities", "interpretationNeeds")).contains("Size");

		assertThat(version(id)).as("nothing was saved").isEqualTo(versionBefore);
		assertThat(this.requests.findById(id).orElseThrow().getTitle()).isNull();
	}

	// --- the Mano River Union quick pick -------------------------------------------------------

	@Test
	void theManoRiverUnionQuickPickTicksTheFourCountriesWithoutShowingErrors() throws Exception {
		RequestPostProcessor official = as(OFFICIAL);
		long draftsBefore = draftsOf(OFFICIAL);

		MvcResult result = this.mvc
			.perform(post("/requests/new").with(csrf())
				.with(official)
				.param("action", "mru")
				.param("beneficiaryCountries", "GH")
				.param("focalName", "")
				.param("focalEmail", ""))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/who"))
			.andExpect(model().hasNoErrors())
			.andReturn();

		WhoForm form = (WhoForm) result.getModelAndView().getModel().get("who");
		assertThat(form.getBeneficiaryCountries()).containsExactly("GH", "CI", "GN", "LR", "SL");
		Document page = html(result);
		assertThat(checked(page, "beneficiaryCountries")).containsExactlyInAnyOrder("GH", "CI", "GN", "LR", "SL");
		assertThat(page.select(".error-summary, .error-message, .field-error")).isEmpty();
		assertThat(draftsOf(OFFICIAL)).as("a quick pick saves nothing").isEqualTo(draftsBefore);

		// on a draft's first step too, and nothing is saved until the official continues
		long id = aDraftAtStepTwo(OFFICIAL);
		MvcResult onDraft = this.mvc
			.perform(post("/requests/drafts/{id}/who", id).with(csrf())
				.with(official)
				.param("action", "mru")
				.param("focalName", "Changed name"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/who"))
			.andExpect(model().hasNoErrors())
			.andReturn();
		assertThat(checked(html(onDraft), "beneficiaryCountries")).containsExactlyInAnyOrder("CI", "GN", "LR", "SL");
		assertThat(html(onDraft).getElementById("focalName").val()).isEqualTo("Changed name");
		AssistanceRequest draft = this.requests.findById(id).orElseThrow();
		assertThat(draft.getBeneficiaryCountries()).containsExactly("SL");
		assertThat(draft.getFocalName()).isEqualTo("Fatmata Koroma");

		// and for a visitor who has not signed in
		this.mvc
			.perform(post("/requests/new").with(csrf()).param("action", "mru").param("requestingParticipant", ""))
			.andExpect(status().isOk())
			.andExpect(model().hasNoErrors());
	}

	// --- a visitor who signs in half-way ------------------------------------------------------

	@Test
	void aVisitorsFirstStepBecomesTheOfficialsDraftForTheirOwnParticipantAfterSigningIn() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String focalName = unique("Awa Traoré");

		this.mvc.perform(get("/requests/new").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/who"));
		this.mvc
			.perform(post("/requests/new").session(session)
				.with(csrf())
				.param("requestingParticipant", "CI")
				.param("beneficiaryCountries", "CI", "GN")
				.param("focalName", focalName)
				.param("focalEmail", "awa@example.org"))
			.andExpect(redirectedUrl("/requests/new/account"));
		assertThat(count("select count(*) from assistance_request where focal_name = ?", focalName))
			.as("nothing is stored before the visitor signs in")
			.isZero();
		this.mvc.perform(get("/requests/new/account").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/account"));
		assertThat(session.getAttribute(PostSignIn.CONTINUE_AT)).isEqualTo("/requests/new/continue");

		this.mvc
			.perform(post("/login").session(session)
				.with(csrf())
				.param("email", OFFICIAL)
				.param("password", DEMO_PASSWORD))
			.andExpect(redirectedUrl("/requests/new/continue"));

		String needPage = this.mvc.perform(get("/requests/new/continue").session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(needPage).matches("/requests/drafts/\\d+/need");
		long id = Long.parseLong(needPage.split("/")[3]);
		AssistanceRequest draft = this.requests.findById(id).orElseThrow();
		assertThat(draft.getRequestingParticipant()).as("the official's own participant, not the one chosen")
			.isEqualTo("SL");
		assertThat(draft.getOwnerId()).isEqualTo(official(OFFICIAL).id());
		assertThat(draft.getBeneficiaryCountries()).containsExactly("CI", "GN");
		assertThat(draft.getFocalName()).isEqualTo(focalName);
		this.mvc.perform(get(needPage).session(session)).andExpect(status().isOk());

		// the kept step is used once: continuing again starts afresh
		this.mvc.perform(get("/requests/new/continue").session(session)).andExpect(redirectedUrl("/requests/new"));
		assertThat(count("select count(*) from assistance_request where focal_name = ?", focalName)).isEqualTo(1);
	}

	@Test
	void providersAndCoordinatorsAreRefusedTheRequestForm() throws Exception {
		for (String email : List.of(PROVIDER, COORDINATOR)) {
			this.mvc.perform(get("/requests/new").with(as(email))).andExpect(status().isForbidden());
			this.mvc.perform(whoAnswers(post("/requests/new")).with(as(email))).andExpect(status().isForbidden());
			this.mvc.perform(get("/requests/new/continue").with(as(email))).andExpect(status().isForbidden());
		}
	}

	// --- after submitting ----------------------------------------------------------------------

	@Test
	void whileTheCoordinatorWaitsForInformationAnotherOfficialOfTheParticipantEditsAndSendsTheChanges()
			throws Exception {
		long id = aCompleteDraft(OFFICIAL, unique("Statistics reporting"));
		String reference = this.drafts.submit(id, version(id), official(OFFICIAL)).value();
		RequestPostProcessor coordinator = as(COORDINATOR);
		this.mvc
			.perform(post("/admin/requests/{ref}/start-review", reference).with(csrf())
				.with(coordinator)
				.param("version", String.valueOf(version(id))))
			.andExpect(redirectedUrl("/admin/requests/" + reference));
		this.mvc
			.perform(post("/admin/requests/{ref}/ask-information", reference).with(csrf())
				.with(coordinator)
				.param("version", String.valueOf(version(id)))
				.param("text", "Which border posts are concerned?"))
			.andExpect(redirectedUrl("/admin/requests/" + reference));
		assertThat(statusOf(id)).isEqualTo(RequestStatus.NEEDS_INFO);

		String colleagueEmail = anotherApprovedOfficialOfSierraLeone();
		RequestPostProcessor colleague = as(colleagueEmail);
		MvcResult detail = this.mvc.perform(get("/requests/{ref}", reference).with(colleague))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(html(detail).select("a[href='/requests/drafts/" + id + "/who']")).isNotEmpty();

		this.mvc.perform(get("/requests/drafts/{id}/need", id).with(colleague))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/need"));
		String newTitle = unique("Statistics reporting at the Kenema and Koidu posts");
		this.mvc.perform(needAnswers(id, newTitle).with(colleague))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/expertise"));
		assertThat(this.requests.findById(id).orElseThrow().getTitle()).isEqualTo(newTitle);
		assertThat(statusOf(id)).as("editing alone sends nothing").isEqualTo(RequestStatus.NEEDS_INFO);

		Document review = html(this.mvc.perform(get("/requests/drafts/{id}/review", id).with(colleague))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(review.select("form[action$='/submit']")).as("no submit button on a submitted request").isEmpty();
		String version = hiddenVersion(review, "/requests/drafts/" + id + "/send-changes");
		this.mvc
			.perform(post("/requests/drafts/{id}/send-changes", id).with(csrf())
				.with(colleague)
				.param("version", version)
				.param("note", ""))
			.andExpect(redirectedUrl("/requests/" + reference));

		assertThat(statusOf(id)).isEqualTo(RequestStatus.UNDER_REVIEW);
		assertThat(this.jdbc.queryForObject(
				"select actor from request_status_change where request_id = ? and to_status = 'UNDER_REVIEW' "
						+ "order by id desc limit 1",
				String.class, id))
			.isEqualTo(colleagueEmail);
		this.mvc.perform(get("/requests/drafts/{id}/need", id).with(colleague))
			.andExpect(status().isNotFound());
	}

	@Test
	void anOfficialWithdrawsTheRequestTheySawAndAStaleWithdrawalIsRefused() throws Exception {
		RequestPostProcessor official = as(OFFICIAL);
		long id = aCompleteDraft(OFFICIAL, unique("Footprinting pilot"));
		String reference = this.drafts.submit(id, version(id), official(OFFICIAL)).value();
		Document page = html(this.mvc.perform(get("/requests/{ref}", reference).with(official)).andReturn());
		String shown = hiddenVersion(page, "/requests/" + reference + "/withdraw");

		// meanwhile a coordinator starts the review
		this.mvc
			.perform(post("/admin/requests/{ref}/start-review", reference).with(csrf())
				.with(as(COORDINATOR))
				.param("version", shown))
			.andExpect(redirectedUrl("/admin/requests/" + reference));

		this.mvc
			.perform(post("/requests/{ref}/withdraw", reference).with(csrf())
				.with(official)
				.param("version", shown)
				.param("reason", "Funded by another programme"))
			.andExpect(status().isConflict());
		assertThat(statusOf(id)).isEqualTo(RequestStatus.UNDER_REVIEW);

		String current = hiddenVersion(
				html(this.mvc.perform(get("/requests/{ref}", reference).with(official)).andReturn()),
				"/requests/" + reference + "/withdraw");
		this.mvc
			.perform(post("/requests/{ref}/withdraw", reference).with(csrf())
				.with(official)
				.param("version", current)
				.param("reason", "Funded by another programme"))
			.andExpect(redirectedUrl("/requests/" + reference));
		assertThat(statusOf(id)).isEqualTo(RequestStatus.WITHDRAWN);
		assertThat(this.jdbc.queryForObject(
				"select reason from request_status_change where request_id = ? and to_status = 'WITHDRAWN'",
				String.class, id))
			.isEqualTo("Funded by another programme");

		this.mvc
			.perform(post("/requests/{ref}/withdraw", reference).with(csrf()).with(official).param("version", current))
			.andExpect(status().isConflict());
		assertThat(count("select count(*) from request_status_change where request_id = ? and to_status = 'WITHDRAWN'",
				id))
			.isEqualTo(1);
	}

	// --- helpers -------------------------------------------------------------------------------

	private AccountUser official(String email) {
		return (AccountUser) this.users.loadUserByUsername(email);
	}

	private RequestPostProcessor as(String email) {
		return signedIn(this.users.loadUserByUsername(email));
	}

	private static String unique(String text) {
		return text + " " + System.nanoTime();
	}

	private int lastYear() {
		return Year.now(this.clock).getValue() - 1;
	}

	private LocalDate earliestStart() {
		return LocalDate.now(this.clock).plusMonths(3);
	}

	private LocalDate latestEnd() {
		return LocalDate.now(this.clock).plusMonths(9);
	}

	private static MockHttpServletRequestBuilder whoAnswers(MockHttpServletRequestBuilder request) {
		return request.with(csrf())
			.param("beneficiaryCountries", "SL", "LR")
			.param("focalName", "Fatmata Koroma")
			.param("focalPosition", "Head of monitoring")
			.param("focalEmail", "focal@example.org")
			.param("focalPhone", "+232 76 123 456");
	}

	private MockHttpServletRequestBuilder needAnswers(long id, String title) {
		return post("/requests/drafts/{id}/need", id).with(csrf())
			.param("title", title)
			.param("problemStatement", "Valuers lack practice with rough goods from alluvial fields.")
			.param("objectives", "Train twenty government valuers.")
			.param("expectedOutcomes", "Valuations within five per cent of reference prices.")
			.param("alreadyUnderway", "")
			.param("evidenceReportYear", String.valueOf(lastYear()))
			.param("evidenceReviewVisit", "")
			.param("evidenceWdIndicator", "");
	}

	private static MockHttpServletRequestBuilder expertiseAnswers(long id) {
		return post("/requests/drafts/{id}/expertise", id).with(csrf())
			.param("primaryArea", "VALUATION")
			.param("areas", "STATISTICS")
			.param("modalities", "WORKSHOP", "EXPERT_MISSION");
	}

	private MockHttpServletRequestBuilder practicalitiesAnswers(long id) {
		return post("/requests/drafts/{id}/practicalities", id).with(csrf())
			.param("workingLanguages", "en", "fr")
			.param("interpretationNeeds", "French for the Guinean participants")
			.param("earliestStart", earliestStart().toString())
			.param("latestEnd", latestEnd().toString())
			.param("urgency", "SOON")
			.param("beneficiariesCount", "20")
			.param("beneficiariesProfile", "Government valuers")
			.param("funding", "CAN_CO_FUND");
	}

	private long aDraftAtStepTwo(String email) {
		return this.drafts.start(official(email),
				new WhoIsAsking("SL", List.of("SL"), "Fatmata Koroma", null, "focal@example.org", null));
	}

	private long aCompleteDraft(String email, String title) {
		AccountUser official = official(email);
		long id = aDraftAtStepTwo(email);
		this.drafts.save(id, official, new TheNeed(title, "Valuers lack practice.", "Train valuers.",
				"Better valuations.", null, null, null, null));
		this.drafts.save(id, official,
				new ExpertiseWanted(List.of("VALUATION"), "VALUATION", List.of(Modality.WORKSHOP)));
		this.drafts.save(id, official, new Practicalities(List.of("en"), null, earliestStart(), latestEnd(),
				Urgency.ROUTINE, null, null, Funding.IN_KIND));
		this.drafts.attachmentsReviewed(id, official);
		return id;
	}

	/** Registers, confirms and approves a second official of Sierra Leone through the portal's own pages. */
	private String anotherApprovedOfficialOfSierraLeone() throws Exception {
		String email = "colleague.sl." + System.nanoTime() + "@example.org";
		this.mvc
			.perform(post("/register").with(csrf())
				.param("accountType", "REQUESTER")
				.param("fullName", "Abu Bakarr Kamara")
				.param("email", email)
				.param("password", PASSWORD)
				.param("passwordConfirmation", PASSWORD)
				.param("language", "en")
				.param("participantCode", "SL")
				.param("position", "Mines engineer")
				.param("authority", "National Minerals Agency"))
			.andExpect(redirectedUrl("/registered"));
		String link = TestMailServer.linkIn(TestMailServer.awaitMail(email, 1), "/verify?token=");
		this.mvc.perform(post("/verify").with(csrf()).param("token", link.substring(link.indexOf("token=") + 6)))
			.andExpect(redirectedUrl("/verify?done"));
		Map<String, Object> account = this.jdbc.queryForMap("select id, version from account where email = ?", email);
		this.mvc
			.perform(post("/admin/accounts/{id}/approve", account.get("id")).with(csrf())
				.with(as(COORDINATOR))
				.param("version", account.get("version").toString()))
			.andExpect(redirectedUrl("/admin/accounts"));
		return email;
	}

	private long version(long id) {
		return this.requests.findById(id).orElseThrow().getVersion();
	}

	private RequestStatus statusOf(long id) {
		return this.requests.findById(id).orElseThrow().getStatus();
	}

	private long draftsOf(String email) {
		return count("select count(*) from assistance_request where owner_id = ? and status = 'DRAFT'",
				official(email).id());
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	private static Document html(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** The version a form on the page carries, found by where the form posts to. */
	private static String hiddenVersion(Document page, String action) {
		Element form = page.selectFirst("form[action='" + action + "']");
		assertThat(form).as("a form posting to %s", action).isNotNull();
		return form.selectFirst("input[name=version]").val();
	}

	private static List<String> checked(Document page, String name) {
		return page.select("input[type=checkbox][name=" + name + "][checked]").eachAttr("value");
	}

	private static List<String> fieldErrorCodes(MvcResult result, String form, String field) {
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + form);
		return errors.getFieldErrors(field).stream().map(error -> error.getCode()).toList();
	}
}
