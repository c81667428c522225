package org.taexchange.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.offers.OfferExamples;
import org.taexchange.requests.RequestExamples;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * A person's standing, not only their role, decides what they see and change: an account waiting for
 * approval acts for nobody, an official of a suspended participant reads and submits nothing, and a
 * disabled account's sessions end at their next request.
 */
@IntegrationTest
class StandingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aProviderWhoRegisteredForAnOrganisationSeesNoneOfItsOffersOrDeclarationsUntilApproved() throws Exception {
		OfferExamples offers = new OfferExamples(this.context);
		String published = offers.published(OfferExamples.PROVIDER);
		String submitted = offers.submitted(OfferExamples.PROVIDER);
		long draft = offers.draft(OfferExamples.PROVIDER);
		Registrations registrations = new Registrations(this.context);
		String newcomer = registrations.provider("newcomer.wco", wco());

		String mine = body(get("/offers/mine").with(as(newcomer)));
		assertThat(mine).as("the newcomer's list of offers")
			.doesNotContain(published, submitted, "/offers/edit/" + draft + "\"");
		assertThat(body(get("/offers/{ref}", published).with(as(newcomer)))).as("a published offer, to the newcomer")
			.contains(published)
			.doesNotContain(OfferExamples.CONFLICT_REASON);
		assertThat(status(get("/offers/{ref}", submitted).with(as(newcomer)))).isEqualTo(404);
		assertThat(status(get("/offers/edit/{id}", offers.idOf(published)).with(as(newcomer)))).isEqualTo(404);
		long version = offers.versionOf(offers.idOf(published));
		assertThat(status(post("/offers/edit/{id}/pause", offers.idOf(published)).with(csrf())
			.with(as(newcomer))
			.param("version", String.valueOf(version)))).as("pausing the organisation's published offer")
			.isEqualTo(404);
		assertThat(offers.versionOf(offers.idOf(published))).as("the published offer is unchanged").isEqualTo(version);

		registrations.approve(newcomer);

		assertThat(body(get("/offers/mine").with(as(newcomer)))).as("the list once approved")
			.contains(published, submitted);
		assertThat(body(get("/offers/{ref}", published).with(as(newcomer)))).as("the declaration once approved")
			.contains(OfferExamples.CONFLICT_REASON);
	}

	@Test
	void anAccountWaitingForApprovalKeepsThreeDraftsAndGetsTheFourthFormBackWithWhatItTyped() throws Exception {
		String pending = new Registrations(this.context).official("three.drafts", "SL", "National Minerals Agency");
		RequestExamples requests = new RequestExamples(this.context);
		for (int i = 0; i < 3; i++) {
			requests.startedDraft(pending);
		}
		MockHttpServletResponse fourth = this.mvc.perform(post("/requests/new").with(csrf())
			.with(as(pending))
			.param("beneficiaryCountries", "SL")
			.param("focalName", "Fatmata Koroma")
			.param("focalPosition", "Head of monitoring")
			.param("focalEmail", "focal@example.org")
			.param("focalPhone", "+232 76 123 456")).andReturn().getResponse();

		assertThat(fourth.getStatus()).isEqualTo(200);
		assertThat(fourth.getContentAsString()).contains("you can keep 3 drafts", "Fatmata Koroma",
				"Head of monitoring");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from assistance_request r join account a on a.id = r.owner_id where a.email = ?",
				Long.class, pending))
			.isEqualTo(3);
	}

	@Test
	void anOfficialOfASuspendedParticipantReadsTheirRequestsButSubmitsNothing() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String official = registrations.official("suspended.reader", "SL", "National Minerals Agency");
		registrations.approve(official);
		RequestExamples requests = new RequestExamples(this.context);
		String reference = requests.submitted(official);
		long draft = requests.completeDraft(official);
		Long suspension = this.jdbc.queryForObject("insert into participant_status (participant_code, status, "
				+ "effective_date, note) values ('SL', 'SUSPENDED', date '2026-01-02', 'Suspended in a test') returning id",
				Long.class);
		try {
			String page = body(get("/requests/{ref}", reference).with(as(official)));
			assertThat(page).as("the request's page").contains(reference, "does not take part in the Kimberley Process");
			assertThat(page).as("no form to write or withdraw")
				.doesNotContain("/requests/" + reference + "/messages", "/requests/" + reference + "/withdraw");
			assertThat(status(post("/requests/{ref}/messages", reference).with(csrf())
				.with(as(official))
				.param("text", "Still there?"))).isEqualTo(403);
			this.mvc.perform(post("/requests/drafts/{id}/submit", draft).with(csrf())
				.with(as(official))
				.param("version", String.valueOf(requests.versionOf(draft))));
			assertThat(this.jdbc.queryForObject("select status from assistance_request where id = ?", String.class,
					draft))
				.as("the draft after trying to submit it")
				.isEqualTo("DRAFT");
		}
		finally {
			this.jdbc.update("delete from participant_status where id = ?", suspension);
		}
		assertThat(requests.submit(draft, official)).as("submitted once readmitted").startsWith("TA-");
	}

	@Test
	void disablingAnAccountEndsItsSessionAtTheNextRequestAndItCannotSignInUntilEnabled() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String official = registrations.official("to.disable", "SL", "National Minerals Agency");
		registrations.approve(official);
		MvcResult signedIn = this.mvc.perform(SignIn.form(official, Registrations.PASSWORD)).andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		assertThat(status(get("/requests").session(session))).isEqualTo(200);

		decide(official, "disable", "Left the ministry").andExpect(redirectedUrl("/admin/accounts/" + idOf(official)));

		MockHttpServletResponse next = this.mvc.perform(get("/requests").session(session)).andReturn().getResponse();
		assertThat(next.getRedirectedUrl()).isEqualTo("/login?ended");
		assertThat(session.isInvalid()).isTrue();
		assertThat(this.mvc.perform(SignIn.form(official, Registrations.PASSWORD))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(this.jdbc.queryForObject("select count(*) from decision_log where subject_id = ? and action = 'DISABLED'"
				+ " and reason = 'Left the ministry'", Long.class, official)).isEqualTo(1);

		decide(official, "enable", "Back in post");

		MvcResult again = this.mvc.perform(SignIn.form(official, Registrations.PASSWORD)).andReturn();
		assertThat(SignIn.whoIsSignedIn(again.getRequest().getSession(false))).isEqualTo(official);
	}

	@Test
	void onlyAnAdminDisablesAnAccountAndAReasonIsRequired() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String official = registrations.official("kept", "SL", "National Minerals Agency");
		registrations.approve(official);
		Map<String, Object> account = this.jdbc.queryForMap("select id, version from account where email = ?",
				official);
		assertThat(status(post("/admin/accounts/{id}/disable", account.get("id")).with(csrf())
			.with(as("coordinator@example.org"))
			.param("version", account.get("version").toString())
			.param("reason", "Trying"))).isEqualTo(403);
		String page = this.mvc
			.perform(post("/admin/accounts/{id}/disable", account.get("id")).with(csrf())
				.with(as("admin@example.org"))
				.param("version", account.get("version").toString())
				.param("reason", " "))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem");
		assertThat(this.jdbc.queryForObject("select status from account where email = ?", String.class, official))
			.isEqualTo("APPROVED");
	}

	@Test
	void anAdminMovesAnOfficialToAnotherParticipantWithAReasonAndTheirSessionEnds() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String official = registrations.official("moving", "SL", "National Minerals Agency");
		registrations.approve(official);
		MvcResult signedIn = this.mvc.perform(SignIn.form(official, Registrations.PASSWORD)).andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		Map<String, Object> account = this.jdbc.queryForMap("select id, version from account where email = ?",
				official);

		this.mvc
			.perform(post("/admin/accounts/{id}/reassign", account.get("id")).with(csrf())
				.with(as("admin@example.org"))
				.param("version", account.get("version").toString())
				.param("participantCode", "LR")
				.param("reason", "Moved to the Liberian ministry"))
			.andExpect(redirectedUrl("/admin/accounts/" + account.get("id")));

		assertThat(this.jdbc.queryForObject("select participant_code from account where email = ?", String.class,
				official))
			.isEqualTo("LR");
		assertThat(this.mvc.perform(get("/requests").session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login?ended");
		assertThat(this.jdbc.queryForObject("select count(*) from decision_log where subject_id = ? and action = "
				+ "'REASSIGNED' and from_state = 'SL' and to_state = 'LR'", Long.class, official)).isEqualTo(1);
	}

	@Test
	void aCoordinatorsSessionEndsAfterThirtyIdleMinutesAndAnOfficialsAfterTheUsualHour() throws Exception {
		MvcResult coordinator = this.mvc.perform(SignIn.form("coordinator@example.org", Visitor.DEMO_PASSWORD))
			.andReturn();
		MockHttpSession staff = (MockHttpSession) coordinator.getRequest().getSession(false);
		this.mvc.perform(get("/admin").session(staff));
		assertThat(staff.getMaxInactiveInterval()).isEqualTo(30 * 60);

		MvcResult official = this.mvc.perform(SignIn.form("official.sl@example.org", Visitor.DEMO_PASSWORD))
			.andReturn();
		MockHttpSession officials = (MockHttpSession) official.getRequest().getSession(false);
		this.mvc.perform(get("/requests").session(officials));
		assertThat(officials.getMaxInactiveInterval()).isNotEqualTo(30 * 60);
	}

	private org.springframework.test.web.servlet.ResultActions decide(String email, String action, String reason)
			throws Exception {
		Map<String, Object> account = this.jdbc.queryForMap("select id, version from account where email = ?", email);
		return this.mvc.perform(post("/admin/accounts/{id}/" + action, account.get("id")).with(csrf())
			.with(as("admin@example.org"))
			.param("version", account.get("version").toString())
			.param("reason", reason));
	}

	private long idOf(String email) {
		return this.jdbc.queryForObject("select id from account where email = ?", Long.class, email);
	}

	private long wco() {
		return this.jdbc.queryForObject("select id from organisation where short_name = 'WCO'", Long.class);
	}

	private RequestPostProcessor as(String email) {
		return signedIn(this.people.loadUserByUsername(email));
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("%s", request).isEqualTo(200);
		return response.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}
}
