package org.taexchange.requests;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Modality;
import org.taexchange.requests.Triage.Decision;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Who may see and touch which request through the pages. To an official of another participant,
 * to a provider, and to anyone guessing addresses, a request, its files and the drafts of others do
 * not exist (404, never 403, which would tell that they do). Coordinators see every submitted request.
 */
@IntegrationTest
class RequestIsolationTests {

	static final String OFFICIAL_SL = "official.sl@example.org";

	static final String OFFICIAL_CI = "official.ci@example.org";

	static final String PROVIDER = "provider@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	static final byte[] EVIDENCE = """
			%PDF-1.4
			1 0 obj << /Type /Catalog >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	static final List<String> STEPS = List.of("who", "need", "expertise", "practicalities", "attachments", "review");

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	UserDetailsService users;

	@Autowired
	RequestDrafts drafts;

	@Autowired
	Triage triage;

	@Autowired
	AssistanceRequests requests;

	@Autowired
	RequestAttachments attachments;

	@Autowired
	JdbcTemplate jdbc;

	// --- another participant -------------------------------------------------------------------

	@Test
	void anOfficialOfAnotherParticipantIsToldASierraLeoneRequestDoesNotExist() throws Exception {
		Written sl = aSubmittedRequestWithAFile(OFFICIAL_SL, "SL");
		RequestPostProcessor ci = as(OFFICIAL_CI);

		expectNotFound(ci, get("/requests/{ref}", sl.reference()), get("/requests/{ref}/submitted", sl.reference()),
				get("/requests/{ref}/attachments/{aid}", sl.reference(), sl.attachmentId()),
				post("/requests/{ref}/messages", sl.reference()).param("text", "Can we join this request?"),
				post("/requests/{ref}/messages", sl.reference()).param("text", ""),
				post("/requests/{ref}/withdraw", sl.reference()).param("version", String.valueOf(version(sl.id()))),
				post("/requests/{ref}/withdraw", sl.reference()).param("version", String.valueOf(version(sl.id())))
					.param("reason", "r".repeat(5001)));
		this.mvc.perform(get("/admin/requests/{ref}", sl.reference()).with(ci)).andExpect(status().isForbidden());

		assertThat(this.requests.findById(sl.id()).orElseThrow().getStatus()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(count("select count(*) from request_message where request_id = ?", sl.id())).isZero();
		Document ciList = html(this.mvc.perform(get("/requests").with(ci)).andExpect(status().isOk()).andReturn());
		assertThat(ciList.select("table a").eachText()).doesNotContain(sl.reference());

		// while the same pages answer the requesting participant's official
		this.mvc.perform(get("/requests/{ref}", sl.reference()).with(as(OFFICIAL_SL))).andExpect(status().isOk());
		this.mvc.perform(get("/requests/{ref}/attachments/{aid}", sl.reference(), sl.attachmentId())
			.with(as(OFFICIAL_SL))).andExpect(status().isOk());
	}

	@Test
	void anotherParticipantsDraftIsNotFoundWhicheverStepIsGuessed() throws Exception {
		Written draft = aCompleteDraftWithAFile(OFFICIAL_SL, "SL");
		long versionBefore = version(draft.id());
		RequestPostProcessor ci = as(OFFICIAL_CI);

		expectDraftNotFound(ci, draft);

		AssistanceRequest after = this.requests.findById(draft.id()).orElseThrow();
		assertThat(after.getStatus()).isEqualTo(RequestStatus.DRAFT);
		assertThat(after.getVersion()).as("nothing was changed").isEqualTo(versionBefore);
		assertThat(this.attachments.countByRequestId(draft.id())).isEqualTo(1);
	}

	@Test
	void anOfficialOfAnotherParticipantCannotEditARequestWaitingForInformation() throws Exception {
		Written sl = aSubmittedRequestWithAFile(OFFICIAL_SL, "SL");
		AccountUser coordinator = account(COORDINATOR);
		this.triage.decide(new ReferenceNumber(sl.reference()), version(sl.id()), coordinator, Decision.START_REVIEW,
				null);
		this.triage.decide(new ReferenceNumber(sl.reference()), version(sl.id()), coordinator,
				Decision.ASK_INFORMATION, "How many valuers?");
		long versionBefore = version(sl.id());

		RequestPostProcessor ci = as(OFFICIAL_CI);
		for (String step : STEPS) {
			this.mvc.perform(get("/requests/drafts/{id}/" + step, sl.id()).with(ci)).andExpect(status().isNotFound());
		}
		this.mvc.perform(post("/requests/drafts/{id}/need", sl.id()).with(csrf()).with(ci)
			.param("title", "Taken over")
			.param("problemStatement", "x")
			.param("objectives", "x")
			.param("expectedOutcomes", "x")).andExpect(status().isNotFound());
		this.mvc.perform(post("/requests/drafts/{id}/send-changes", sl.id()).with(csrf())
			.with(ci)
			.param("version", String.valueOf(versionBefore))).andExpect(status().isNotFound());

		assertThat(this.requests.findById(sl.id()).orElseThrow().getStatus()).isEqualTo(RequestStatus.NEEDS_INFO);
		assertThat(version(sl.id())).isEqualTo(versionBefore);
		// the requesting participant's official may
		this.mvc.perform(get("/requests/drafts/{id}/need", sl.id()).with(as(OFFICIAL_SL))).andExpect(status().isOk());
	}

	@Test
	void addressesThatDoNotExistAreNotFound() throws Exception {
		Written own = aSubmittedRequestWithAFile(OFFICIAL_SL, "SL");
		Written ciRequest = aSubmittedRequestWithAFile(OFFICIAL_CI, "CI");
		Written ownDraft = aCompleteDraftWithAFile(OFFICIAL_SL, "SL");
		Written ciDraft = aCompleteDraftWithAFile(OFFICIAL_CI, "CI");
		long noSuchId = this.jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from assistance_request",
				Long.class);
		long noSuchFile = this.jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from request_attachment",
				Long.class);
		RequestPostProcessor sl = as(OFFICIAL_SL);

		for (String step : STEPS) {
			this.mvc.perform(get("/requests/drafts/{id}/" + step, noSuchId).with(sl)).andExpect(status().isNotFound());
		}
		expectNotFound(sl, get("/requests/drafts/{id}", noSuchId), get("/requests/drafts/{id}", -1),
				post("/requests/drafts/{id}/submit", noSuchId).param("version", "0"),
				post("/requests/drafts/{id}/attachments/done", noSuchId), get("/requests/TA-XYZ"),
				get("/requests/TA-XYZ/submitted"), get("/requests/TA-XYZ/attachments/1"),
				post("/requests/TA-XYZ/messages").param("text", "Hello"),
				post("/requests/TA-XYZ/withdraw").param("version", "0"), get("/requests/ta-2026-0001"),
				get("/requests/TA-1999-0001"), get("/requests/TA-1999-0001/attachments/1"),
				get("/requests/{ref}x", own.reference()), get("/requests/drafts"),
				get("/requests/{ref}/attachments/{aid}", own.reference(), noSuchFile),
				// a file of another request, through a request the official may see
				get("/requests/{ref}/attachments/{aid}", own.reference(), ciRequest.attachmentId()),
				// or removed through a draft the official may edit
				post("/requests/drafts/{id}/attachments/{aid}/delete", ownDraft.id(), ciDraft.attachmentId()));
		assertThat(this.attachments.countByRequestId(ciDraft.id())).isEqualTo(1);
	}

	// --- providers and coordinators ------------------------------------------------------------

	@Test
	void providersAreToldRequestsDoNotExistAndMayNotListThem() throws Exception {
		Written sl = aSubmittedRequestWithAFile(OFFICIAL_SL, "SL");
		Written draft = aCompleteDraftWithAFile(OFFICIAL_SL, "SL");
		RequestPostProcessor provider = as(PROVIDER);

		expectNotFound(provider, get("/requests/{ref}", sl.reference()),
				get("/requests/{ref}/submitted", sl.reference()),
				get("/requests/{ref}/attachments/{aid}", sl.reference(), sl.attachmentId()),
				post("/requests/{ref}/messages", sl.reference()).param("text", "We could help."),
				post("/requests/{ref}/withdraw", sl.reference()).param("version", String.valueOf(version(sl.id()))),
				get("/requests/drafts/{id}/need", draft.id()), get("/requests/drafts/{id}", draft.id()));
		this.mvc.perform(get("/requests").with(provider)).andExpect(status().isForbidden());
		this.mvc.perform(get("/requests/new").with(provider)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/requests/{ref}", sl.reference()).with(provider))
			.andExpect(status().isForbidden());
		assertThat(count("select count(*) from request_message where request_id = ?", sl.id())).isZero();
	}

	@Test
	void aCoordinatorSeesTheRequestsOfEveryParticipantButNoOnesDrafts() throws Exception {
		Written sl = aSubmittedRequestWithAFile(OFFICIAL_SL, "SL");
		Written ci = aSubmittedRequestWithAFile(OFFICIAL_CI, "CI");
		Written draft = aCompleteDraftWithAFile(OFFICIAL_SL, "SL");
		RequestPostProcessor coordinator = as(COORDINATOR);

		for (Written request : List.of(sl, ci)) {
			this.mvc.perform(get("/requests/{ref}", request.reference()).with(coordinator))
				.andExpect(redirectedUrl("/admin/requests/" + request.reference()));
			Document admin = html(this.mvc.perform(get("/admin/requests/{ref}", request.reference()).with(coordinator))
				.andExpect(status().isOk())
				.andReturn());
			assertThat(admin.select("h1").text()).contains(request.reference());
			byte[] file = this.mvc
				.perform(get("/requests/{ref}/attachments/{aid}", request.reference(), request.attachmentId())
					.with(coordinator))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(file).isEqualTo(EVIDENCE);
			Document queue = html(this.mvc
				.perform(get("/admin/requests").param("participant", request.participant())
					.param("order", "RECENT")
					.with(coordinator))
				.andExpect(status().isOk())
				.andReturn());
			assertThat(queue.select("a").eachText()).contains(request.reference());
		}
		this.mvc.perform(get("/requests").with(coordinator)).andExpect(redirectedUrl("/admin/requests"));

		expectNotFound(coordinator, get("/requests/drafts/{id}/need", draft.id()),
				get("/requests/drafts/{id}/review", draft.id()),
				// replying and withdrawing are the officials' (coordinators write from the admin pages)
				post("/requests/{ref}/withdraw", sl.reference()).param("version", String.valueOf(version(sl.id()))));
		assertThat(this.requests.findById(sl.id()).orElseThrow().getStatus()).isEqualTo(RequestStatus.SUBMITTED);
	}

	// --- officials of the same participant -----------------------------------------------------

	@Test
	void anOfficialOfTheSameParticipantSeesItsRequestsButNotAColleaguesDraft() throws Exception {
		Written submitted = aSubmittedRequestWithAFile(OFFICIAL_SL, "SL");
		Written draft = aCompleteDraftWithAFile(OFFICIAL_SL, "SL");
		long versionBefore = version(draft.id());
		RequestPostProcessor colleague = as(anotherApprovedOfficialOfSierraLeone());

		expectDraftNotFound(colleague, draft);
		assertThat(version(draft.id())).isEqualTo(versionBefore);
		assertThat(this.attachments.countByRequestId(draft.id())).isEqualTo(1);

		this.mvc.perform(get("/requests/{ref}", submitted.reference()).with(colleague)).andExpect(status().isOk());
		this.mvc.perform(get("/requests/{ref}/attachments/{aid}", submitted.reference(), submitted.attachmentId())
			.with(colleague)).andExpect(status().isOk());
		Document list = html(this.mvc.perform(get("/requests").with(colleague)).andExpect(status().isOk()).andReturn());
		assertThat(list.select("table a").eachText()).contains(submitted.reference());
		assertThat(list.select("ul.drafts a").eachAttr("href")).doesNotContain("/requests/drafts/" + draft.id());
	}

	@Test
	void someoneWhoRegisteredForAParticipantSeesNothingOfItsRequestsUntilApproved() throws Exception {
		Written submitted = aSubmittedRequestWithAFile(OFFICIAL_SL, "SL");
		String email = registerAsOfficialOfSierraLeone();
		RequestPostProcessor newcomer = as(email);

		expectNotFound(newcomer, get("/requests/{ref}", submitted.reference()),
				get("/requests/{ref}/attachments/{aid}", submitted.reference(), submitted.attachmentId()),
				post("/requests/{ref}/messages", submitted.reference()).param("text", "Let me in"));
		Document list = html(this.mvc.perform(get("/requests").with(newcomer)).andExpect(status().isOk()).andReturn());
		assertThat(list.select("table a").eachText()).doesNotContain(submitted.reference());
		assertThat(list.text()).contains(this.messages.getMessage("requests.notApproved", null, Locale.ENGLISH));

		approve(email);
		this.mvc.perform(get("/requests/{ref}", submitted.reference()).with(as(email))).andExpect(status().isOk());
	}

	// --- helpers -------------------------------------------------------------------------------

	/** A request as its author wrote it: its id, reference once submitted, and one attached file. */
	record Written(long id, String reference, long attachmentId, String participant) {
	}

	private AccountUser account(String email) {
		return (AccountUser) this.users.loadUserByUsername(email);
	}

	private RequestPostProcessor as(String email) {
		return signedIn(this.users.loadUserByUsername(email));
	}

	private Written aCompleteDraftWithAFile(String email, String participant) {
		AccountUser official = account(email);
		long id = this.drafts.start(official, new WhoIsAsking(participant, List.of(participant), "Focal Point", null,
				"focal@example.org", null));
		this.drafts.save(id, official, new TheNeed("Isolation check " + System.nanoTime(), "A problem.",
				"An objective.", "An outcome.", null, null, null, null));
		this.drafts.save(id, official,
				new ExpertiseWanted(List.of("STATISTICS"), "STATISTICS", List.of(Modality.REMOTE_ADVISORY)));
		this.drafts.save(id, official,
				new Practicalities(List.of("fr"), null, null, null, Urgency.URGENT, null, null, Funding.CAN_CO_FUND));
		this.drafts.attach(id, official, "evidence.pdf", EVIDENCE);
		this.drafts.attachmentsReviewed(id, official);
		long attachmentId = this.attachments.listFor(id).get(0).id();
		return new Written(id, null, attachmentId, participant);
	}

	private Written aSubmittedRequestWithAFile(String email, String participant) {
		Written draft = aCompleteDraftWithAFile(email, participant);
		String reference = this.drafts.submit(draft.id(), version(draft.id()), account(email)).value();
		return new Written(draft.id(), reference, draft.attachmentId(), participant);
	}

	/** Every page and action of a draft, reached by someone who is not its author. */
	private void expectDraftNotFound(RequestPostProcessor visitor, Written draft) throws Exception {
		long id = draft.id();
		for (String step : STEPS) {
			this.mvc.perform(get("/requests/drafts/{id}/" + step, id).with(visitor)).andExpect(status().isNotFound());
		}
		expectNotFound(visitor, get("/requests/drafts/{id}", id),
				post("/requests/drafts/{id}/who", id).param("beneficiaryCountries", "CI")
					.param("focalName", "Someone else")
					.param("focalEmail", "someone@example.org"),
				post("/requests/drafts/{id}/who", id).param("action", "mru"),
				post("/requests/drafts/{id}/need", id).param("title", "Taken over")
					.param("problemStatement", "x")
					.param("objectives", "x")
					.param("expectedOutcomes", "x"),
				post("/requests/drafts/{id}/need", id).param("action", "later").param("title", "Taken over"),
				post("/requests/drafts/{id}/expertise", id).param("primaryArea", "VALUATION")
					.param("modalities", "WORKSHOP"),
				post("/requests/drafts/{id}/practicalities", id).param("workingLanguages", "en")
					.param("urgency", "ROUTINE")
					.param("funding", "IN_KIND"),
				multipart("/requests/drafts/{id}/attachments", id)
					.file(new MockMultipartFile("file", "planted.pdf", "application/pdf", EVIDENCE)),
				post("/requests/drafts/{id}/attachments/{aid}/delete", id, draft.attachmentId()),
				post("/requests/drafts/{id}/attachments/done", id),
				post("/requests/drafts/{id}/submit", id).param("version", String.valueOf(version(id))),
				post("/requests/drafts/{id}/send-changes", id).param("version", String.valueOf(version(id))));
	}

	/** Each request, sent as this person (with a valid CSRF token for those that change something), answers 404. */
	private void expectNotFound(RequestPostProcessor visitor,
			AbstractMockHttpServletRequestBuilder<?>... requests)
			throws Exception {
		for (var request : requests) {
			request.with(visitor).with(csrf());
			MvcResult result = this.mvc.perform(request).andReturn();
			assertThat(result.getResponse().getStatus()).as("%s %s", result.getRequest().getMethod(),
					result.getRequest().getRequestURI())
				.isEqualTo(404);
		}
	}

	/** Registers, confirms and approves a second official of Sierra Leone through the portal's own pages. */
	private String anotherApprovedOfficialOfSierraLeone() throws Exception {
		String email = registerAsOfficialOfSierraLeone();
		approve(email);
		return email;
	}

	/** Registers and confirms an official of Sierra Leone, not yet approved. */
	private String registerAsOfficialOfSierraLeone() throws Exception {
		return new Registrations(this.context).official("second.sl", "SL", "National Minerals Agency");
	}

	private void approve(String email) throws Exception {
		new Registrations(this.context).approve(email);
	}

	private long version(long id) {
		return this.requests.findById(id).orElseThrow().getVersion();
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	private static Document html(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}
}
