package org.taexchange.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.matching.MatchLifecycle.Step;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Who may see and move which match through the pages, with the real security. To a provider of another
 * organisation and an official of another participant, a match of Sierra Leone with the WCO does not
 * exist (404, never 403) at any stage; its own provider sees it once a coordinator approved it, and
 * the requesting participant's officials once the provider accepted it. A side that sees a match but
 * tries another side's step is refused (403).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchIsolationTests {

	static final String OFFICIAL_CI = "official.ci@example.org";

	/** Every step's address, as the match page posts it. */
	static final List<String> STEPS = List.of("approve", "reject", "cancel", "start-delivery", "complete", "accept",
			"decline-offer", "confirm", "decline");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	private MatchExamples examples;

	/** A Sierra Leone / WCO match at each stage, by the stage's name. */
	private final Map<String, Long> stages = new LinkedHashMap<>();

	private String gizProvider;

	@BeforeAll
	void aMatchAtEachStage() throws Exception {
		this.examples = new MatchExamples(this.context);
		this.gizProvider = this.examples.offers().anotherApprovedProvider("GIZ");
		this.stages.put("PROPOSED", this.examples.proposed());
		this.stages.put("APPROVED", this.examples.approved());
		this.stages.put("ACCEPTED", this.examples.accepted());
		this.stages.put("CONFIRMED", this.examples.confirmed());
		long inDelivery = this.examples.confirmed();
		this.examples.take(inDelivery, Step.START_DELIVERY, MatchExamples.COORDINATOR, null);
		this.stages.put("IN_DELIVERY", inDelivery);
		long completed = this.examples.confirmed();
		this.examples.take(completed, Step.START_DELIVERY, MatchExamples.COORDINATOR, null);
		this.examples.take(completed, Step.COMPLETE, MatchExamples.COORDINATOR, null);
		this.stages.put("COMPLETED", completed);
		long rejected = this.examples.proposed();
		this.examples.take(rejected, Step.REJECT, MatchExamples.COORDINATOR, "Another offer fits better");
		this.stages.put("REJECTED", rejected);
		long declined = this.examples.approved();
		this.examples.take(declined, Step.DECLINE_OFFER, MatchExamples.PROVIDER, "Our valuers are booked");
		this.stages.put("DECLINED_BY_PROVIDER", declined);
		long declinedByRequester = this.examples.accepted();
		this.examples.take(declinedByRequester, Step.DECLINE_MATCH, MatchExamples.OFFICIAL, "Dates no longer suit");
		this.stages.put("DECLINED_BY_REQUESTER", declinedByRequester);
		long cancelled = this.examples.approved();
		this.examples.take(cancelled, Step.CANCEL, MatchExamples.COORDINATOR, "The request is on hold");
		this.stages.put("CANCELLED_AFTER_APPROVAL", cancelled);
		for (Map.Entry<String, Long> stage : this.stages.entrySet()) {
			assertThat(this.examples.statusNameOf(stage.getValue())).as(stage.getKey())
				.isEqualTo(stage.getKey().replaceAll("_(BY|AFTER)_.*", ""));
		}
	}

	// --- another organisation, another participant ---------------------------------------------------

	@Test
	void aProviderOfAnotherOrganisationIsToldASierraLeoneMatchDoesNotExistAtAnyStage() throws Exception {
		expectNoTraceOfTheStagesFor(this.gizProvider);
	}

	@Test
	void anOfficialOfAnotherParticipantIsToldASierraLeoneMatchDoesNotExistAtAnyStage() throws Exception {
		expectNoTraceOfTheStagesFor(OFFICIAL_CI);
	}

	@Test
	void addressesOfMatchesThatDoNotExistAreNotFoundForAnyone() throws Exception {
		long noSuchId = this.jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from request_match", Long.class);
		for (String email : List.of(MatchExamples.COORDINATOR, MatchExamples.PROVIDER, MatchExamples.OFFICIAL)) {
			expectNotFound(as(email), get("/matches/{id}", noSuchId));
			for (String step : STEPS) {
				expectNotFound(as(email),
						post("/matches/{id}/" + step, noSuchId).param("version", "0").param("reason", "Why not"));
			}
		}
		long approved = this.stages.get("APPROVED");
		expectNotFound(as(MatchExamples.COORDINATOR), post("/matches/{id}/take-over", approved).param("version",
				String.valueOf(this.examples.versionOf(approved))));
	}

	// --- the match's own sides, before their turn -----------------------------------------------------

	@Test
	void theProviderDoesNotSeeAMatchACoordinatorHasNotApprovedYet() throws Exception {
		long id = this.examples.proposed();
		long version = this.examples.versionOf(id);
		RequestPostProcessor provider = as(MatchExamples.PROVIDER);

		expectNotFound(provider, get("/matches/{id}", id));
		for (String step : STEPS) {
			expectNotFound(provider, post("/matches/{id}/" + step, id).param("version", String.valueOf(version))
				.param("reason", "We would rather not"));
		}
		assertThat(listedFor(MatchExamples.PROVIDER)).doesNotContain(id);
		assertThat(this.examples.versionOf(id)).as("nothing changed").isEqualTo(version);
		assertThat(this.examples.statusNameOf(id)).isEqualTo("PROPOSED");

		this.examples.take(id, Step.APPROVE, MatchExamples.COORDINATOR, null);
		this.mvc.perform(get("/matches/{id}", id).with(provider)).andExpect(status().isOk());
		assertThat(listedFor(MatchExamples.PROVIDER)).contains(id);
	}

	@Test
	void theRequestingOfficialDoesNotSeeAMatchBeforeTheProviderAcceptedIt() throws Exception {
		long id = this.examples.proposed();
		RequestPostProcessor official = as(MatchExamples.OFFICIAL);
		for (String stage : List.of("PROPOSED", "APPROVED")) {
			long version = this.examples.versionOf(id);
			expectNotFound(official, get("/matches/{id}", id));
			for (String step : STEPS) {
				expectNotFound(official, post("/matches/{id}/" + step, id).param("version", String.valueOf(version))
					.param("reason", "Not for us"));
			}
			assertThat(listedFor(MatchExamples.OFFICIAL)).as(stage).doesNotContain(id);
			assertThat(this.examples.versionOf(id)).as("nothing changed while %s", stage).isEqualTo(version);
			assertThat(this.examples.statusNameOf(id)).isEqualTo(stage);
			if (stage.equals("PROPOSED")) {
				this.examples.take(id, Step.APPROVE, MatchExamples.COORDINATOR, null);
			}
		}
		this.examples.take(id, Step.ACCEPT, MatchExamples.PROVIDER, null);
		this.mvc.perform(get("/matches/{id}", id).with(official)).andExpect(status().isOk());
		assertThat(listedFor(MatchExamples.OFFICIAL)).contains(id);
	}

	@Test
	void anOfficialWhoRegisteredForSierraLeoneSeesNoneOfItsMatchesUntilApproved() throws Exception {
		long accepted = this.stages.get("ACCEPTED");
		long version = this.examples.versionOf(accepted);
		String email = registerAsOfficialOfSierraLeone();
		RequestPostProcessor newcomer = as(email);

		for (long id : this.stages.values()) {
			expectNotFound(newcomer, get("/matches/{id}", id));
		}
		expectNotFound(newcomer, post("/matches/{id}/confirm", accepted).param("version", String.valueOf(version)),
				post("/matches/{id}/decline", accepted).param("version", String.valueOf(version))
					.param("reason", "Let me in"));
		assertThat(listedFor(email)).isEmpty();
		assertThat(this.examples.versionOf(accepted)).isEqualTo(version);
		assertThat(this.examples.statusNameOf(accepted)).isEqualTo("ACCEPTED");

		approve(email);
		this.mvc.perform(get("/matches/{id}", accepted).with(as(email))).andExpect(status().isOk());
		assertThat(listedFor(email)).contains(accepted);
	}

	@Test
	void aProviderWhoRegisteredForTheOrganisationSeesNoneOfItsMatchesUntilApproved() throws Exception {
		long approved = this.examples.approved();
		long version = this.examples.versionOf(approved);
		String email = registerAsProviderOfTheWco();
		RequestPostProcessor newcomer = as(email);

		expectNotFound(newcomer, post("/matches/{id}/accept", approved).param("version", String.valueOf(version)),
				post("/matches/{id}/decline-offer", approved).param("version", String.valueOf(version))
					.param("reason", "We are too busy"),
				get("/matches/{id}", approved));
		for (long id : this.stages.values()) {
			expectNotFound(newcomer, get("/matches/{id}", id));
		}
		assertThat(listedFor(email)).isEmpty();
		assertThat(this.examples.versionOf(approved)).as("nothing changed").isEqualTo(version);
		assertThat(this.examples.statusNameOf(approved)).isEqualTo("APPROVED");

		approve(email);
		this.mvc.perform(get("/matches/{id}", approved).with(as(email))).andExpect(status().isOk());
		assertThat(listedFor(email)).contains(approved);
	}

	// --- the lists ------------------------------------------------------------------------------------

	@Test
	void aProvidersListShowsOnlyItsOrganisationsMatchesOnceApproved() throws Exception {
		long wco = this.jdbc.queryForObject("select organisation_id from account where email = ?", Long.class,
				MatchExamples.PROVIDER);
		List<Match> listed = listed(MatchExamples.PROVIDER);

		assertThat(listed).isNotEmpty().allSatisfy(match -> {
			assertThat(match.getOrganisationId()).isEqualTo(wco);
			assertThat(match.getApprovedAt()).as("approved by a coordinator").isNotNull();
		});
		assertThat(listed).extracting(Match::getId)
			.contains(this.stages.get("APPROVED"), this.stages.get("ACCEPTED"), this.stages.get("CONFIRMED"),
					this.stages.get("IN_DELIVERY"), this.stages.get("COMPLETED"),
					this.stages.get("DECLINED_BY_PROVIDER"), this.stages.get("DECLINED_BY_REQUESTER"),
					this.stages.get("CANCELLED_AFTER_APPROVAL"))
			.doesNotContain(this.stages.get("PROPOSED"), this.stages.get("REJECTED"));
		// and those it does not list, it cannot open either
		expectNotFound(as(MatchExamples.PROVIDER), get("/matches/{id}", this.stages.get("PROPOSED")),
				get("/matches/{id}", this.stages.get("REJECTED")));
		assertThat(listedFor(this.gizProvider)).doesNotContainAnyElementsOf(this.stages.values());
		long giz = this.jdbc.queryForObject("select organisation_id from account where email = ?", Long.class,
				this.gizProvider);
		assertThat(listed(this.gizProvider)).allSatisfy(match -> assertThat(match.getOrganisationId()).isEqualTo(giz));
	}

	@Test
	void anOfficialsListShowsOnlyItsParticipantsMatchesOnceAccepted() throws Exception {
		List<Match> listed = listed(MatchExamples.OFFICIAL);

		assertThat(listed).isNotEmpty().allSatisfy(match -> {
			assertThat(match.getRequestingParticipant()).isEqualTo("SL");
			assertThat(match.getAcceptedAt()).as("accepted by the provider").isNotNull();
		});
		assertThat(listed).extracting(Match::getId)
			.contains(this.stages.get("ACCEPTED"), this.stages.get("CONFIRMED"), this.stages.get("IN_DELIVERY"),
					this.stages.get("COMPLETED"), this.stages.get("DECLINED_BY_REQUESTER"))
			.doesNotContain(this.stages.get("PROPOSED"), this.stages.get("APPROVED"), this.stages.get("REJECTED"),
					this.stages.get("DECLINED_BY_PROVIDER"), this.stages.get("CANCELLED_AFTER_APPROVAL"));
		// and those it does not list, it cannot open either
		for (String stage : List.of("PROPOSED", "APPROVED", "REJECTED", "DECLINED_BY_PROVIDER",
				"CANCELLED_AFTER_APPROVAL")) {
			expectNotFound(as(MatchExamples.OFFICIAL), get("/matches/{id}", this.stages.get(stage)));
		}
		assertThat(listed(OFFICIAL_CI)).allSatisfy(match -> assertThat(match.getRequestingParticipant()).isEqualTo("CI"))
			.extracting(Match::getId)
			.doesNotContainAnyElementsOf(this.stages.values());
	}

	// --- one side, another side's step ------------------------------------------------------------------

	@Test
	void eachSideMayTakeOnlyItsOwnSteps() throws Exception {
		long approved = this.examples.approved();
		long accepted = this.examples.accepted();
		Map<String, List<String>> refused = new LinkedHashMap<>();
		// the provider, on a match waiting for its answer: the coordinators' and the requester's steps
		refused.put(MatchExamples.PROVIDER + " on " + approved,
				List.of("confirm", "decline", "approve", "reject", "cancel", "start-delivery", "complete"));
		// the official, on a match waiting for its confirmation: the coordinators' and the provider's steps
		refused.put(MatchExamples.OFFICIAL + " on " + accepted,
				List.of("approve", "reject", "cancel", "start-delivery", "complete", "accept", "decline-offer"));
		// the coordinator, on the same match: the two other sides' steps
		refused.put(MatchExamples.COORDINATOR + " on " + accepted,
				List.of("accept", "decline-offer", "confirm", "decline"));

		List<String> answered = new ArrayList<>();
		for (Map.Entry<String, List<String>> entry : refused.entrySet()) {
			String email = entry.getKey().substring(0, entry.getKey().indexOf(' '));
			long id = Long.parseLong(entry.getKey().substring(entry.getKey().lastIndexOf(' ') + 1));
			long version = this.examples.versionOf(id);
			for (String step : entry.getValue()) {
				MvcResult result = this.mvc
					.perform(post("/matches/{id}/" + step, id).with(as(email))
						.with(csrf())
						.param("version", String.valueOf(version))
						.param("reason", "Taking someone else's turn"))
					.andReturn();
				assertThat(result.getResponse().getStatus()).as("%s: %s", entry.getKey(), step).isEqualTo(403);
				answered.add(step);
			}
			assertThat(this.examples.versionOf(id)).as("nothing changed").isEqualTo(version);
		}
		assertThat(answered).hasSize(18);
		assertThat(this.examples.statusNameOf(approved)).isEqualTo("APPROVED");
		assertThat(this.examples.statusNameOf(accepted)).isEqualTo("ACCEPTED");
		assertThat(capacityHeldBy(approved)).isEqualTo("HELD");

		// while their own steps go through
		this.mvc
			.perform(post("/matches/{id}/accept", approved).with(as(MatchExamples.PROVIDER))
				.with(csrf())
				.param("version", String.valueOf(this.examples.versionOf(approved))))
			.andExpect(redirectedUrl("/matches/" + approved));
		this.mvc
			.perform(post("/matches/{id}/confirm", accepted).with(as(MatchExamples.OFFICIAL))
				.with(csrf())
				.param("version", String.valueOf(this.examples.versionOf(accepted))))
			.andExpect(redirectedUrl("/matches/" + accepted));
		assertThat(this.examples.statusNameOf(approved)).isEqualTo("ACCEPTED");
		assertThat(this.examples.statusNameOf(accepted)).isEqualTo("CONFIRMED");
	}

	@Test
	void theAdminListsOfMatchesAreForCoordinatorsOnly() throws Exception {
		String request = this.jdbc.queryForObject("select request_reference from request_match where id = ?",
				String.class, this.stages.get("PROPOSED"));
		for (String email : List.of(MatchExamples.PROVIDER, MatchExamples.OFFICIAL, OFFICIAL_CI, this.gizProvider)) {
			for (String path : List.of("/admin/matches", "/admin/plan", "/admin/requests/" + request + "/matching")) {
				this.mvc.perform(get(path).with(as(email))).andExpect(status().isForbidden());
			}
		}
	}

	// --- helpers ----------------------------------------------------------------------------------------

	/** Neither the page nor any step of any stage's match answers this person, and nothing changes. */
	private void expectNoTraceOfTheStagesFor(String email) throws Exception {
		RequestPostProcessor outsider = as(email);
		for (Map.Entry<String, Long> stage : this.stages.entrySet()) {
			long id = stage.getValue();
			long version = this.examples.versionOf(id);
			String status = this.examples.statusNameOf(id);
			expectNotFound(outsider, get("/matches/{id}", id));
			for (String step : STEPS) {
				expectNotFound(outsider, post("/matches/{id}/" + step, id).param("version", String.valueOf(version))
					.param("reason", "Let us take this over"));
				// a step without its reason shows the match again with an error: still nothing to see
				expectNotFound(outsider, post("/matches/{id}/" + step, id).param("version", String.valueOf(version)));
			}
			assertThat(this.examples.versionOf(id)).as("%s: nothing changed", stage.getKey()).isEqualTo(version);
			assertThat(this.examples.statusNameOf(id)).isEqualTo(status);
		}
		assertThat(listedFor(email)).doesNotContainAnyElementsOf(this.stages.values());
	}

	/** Each request, sent as this person with a valid CSRF token, answers 404. */
	private void expectNotFound(RequestPostProcessor visitor, MockHttpServletRequestBuilder... requests)
			throws Exception {
		for (MockHttpServletRequestBuilder request : requests) {
			request.with(visitor).with(csrf());
			MvcResult result = this.mvc.perform(request).andReturn();
			assertThat(result.getResponse().getStatus())
				.as("%s %s", result.getRequest().getMethod(), result.getRequest().getRequestURI())
				.isEqualTo(404);
		}
	}

	/** The matches "my matches" shows this person. */
	@SuppressWarnings("unchecked")
	private List<Match> listed(String email) throws Exception {
		MvcResult result = this.mvc.perform(get("/matches").with(as(email))).andExpect(status().isOk()).andReturn();
		return (List<Match>) result.getModelAndView().getModel().get("matches");
	}

	private List<Long> listedFor(String email) throws Exception {
		return listed(email).stream().map(Match::getId).toList();
	}

	private String capacityHeldBy(long id) {
		return this.jdbc.queryForObject("select capacity from request_match where id = ?", String.class, id);
	}

	private RequestPostProcessor as(String email) {
		return signedIn(this.examples.person(email));
	}

	/** Registers and confirms an official of Sierra Leone through the portal's pages, not yet approved. */
	private String registerAsOfficialOfSierraLeone() throws Exception {
		return new Registrations(this.context).official("matches.sl", "SL", "National Minerals Agency");
	}

	/** Registers and confirms a provider of the demo provider's organisation (the WCO), not yet approved. */
	private String registerAsProviderOfTheWco() throws Exception {
		return new Registrations(this.context).provider("matches.wco", this.jdbc
			.queryForObject("select organisation_id from account where email = ?", Long.class, MatchExamples.PROVIDER));
	}

	private void approve(String email) throws Exception {
		new Registrations(this.context).approve(email);
	}
}
