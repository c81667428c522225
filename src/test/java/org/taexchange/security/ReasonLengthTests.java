package org.taexchange.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.taexchange.audit.DecisionMade;
import org.taexchange.matching.MatchExamples;
import org.taexchange.offers.OfferExamples;
import org.taexchange.requests.RequestExamples;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A reason may be as long as the form says, wherever one is typed: exactly {@value DecisionMade#REASON_LENGTH}
 * characters are taken and kept whole in the decision log and with the decision, one more are refused
 * with the form shown again and nothing changed.
 */
@IntegrationTest
class ReasonLengthTests {

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aTriageDecisionTakesAReasonOfTheMaximumLength() throws Exception {
		RequestExamples requests = new RequestExamples(this.context);
		for (String decision : new String[] { "ask-information", "reject", "hold" }) {
			String reference = requests.underReview(Visitor.REQUESTER.email(), Visitor.COORDINATOR.email());
			long id = requests.idOf(reference);
			expectRefused(post("/admin/requests/{ref}/{decision}", reference, decision)
				.param("version", String.valueOf(requests.versionOf(id)))
				.param("text", reason(DecisionMade.REASON_LENGTH + 1)), Visitor.COORDINATOR, () -> requests.versionOf(id));
			String reason = reason(DecisionMade.REASON_LENGTH);
			expectTaken(post("/admin/requests/{ref}/{decision}", reference, decision)
				.param("version", String.valueOf(requests.versionOf(id)))
				.param("text", reason), Visitor.COORDINATOR, reason);
		}
	}

	@Test
	void anOfficialWithdrawsARequestWithAReasonOfTheMaximumLength() throws Exception {
		RequestExamples requests = new RequestExamples(this.context);
		String reference = requests.submitted(Visitor.REQUESTER.email());
		long id = requests.idOf(reference);
		expectRefused(post("/requests/{ref}/withdraw", reference).param("version", String.valueOf(requests.versionOf(id)))
			.param("reason", reason(DecisionMade.REASON_LENGTH + 1)), Visitor.REQUESTER, () -> requests.versionOf(id));
		String reason = reason(DecisionMade.REASON_LENGTH);
		expectTaken(post("/requests/{ref}/withdraw", reference).param("version", String.valueOf(requests.versionOf(id)))
			.param("reason", reason), Visitor.REQUESTER, reason);
	}

	@Test
	void aVettingDecisionTakesAReasonOfTheMaximumLength() throws Exception {
		OfferExamples offers = new OfferExamples(this.context);
		for (String decision : new String[] { "decline", "ask-changes" }) {
			String reference = offers.submitted(OfferExamples.PROVIDER);
			long id = offers.idOf(reference);
			expectRefused(post("/admin/offers/{ref}/{decision}", reference, decision)
				.param("version", String.valueOf(offers.versionOf(id)))
				.param("text", reason(DecisionMade.REASON_LENGTH + 1)), Visitor.COORDINATOR, () -> offers.versionOf(id));
			String reason = reason(DecisionMade.REASON_LENGTH);
			expectTaken(post("/admin/offers/{ref}/{decision}", reference, decision)
				.param("version", String.valueOf(offers.versionOf(id)))
				.param("text", reason), Visitor.COORDINATOR, reason);
		}
	}

	@Test
	void everyStepOfAMatchThatNeedsAReasonTakesOneOfTheMaximumLength() throws Exception {
		MatchExamples matches = new MatchExamples(this.context);
		record Step(long match, String path, Visitor who) {
		}
		for (Step step : new Step[] { new Step(matches.proposed(), "reject", Visitor.COORDINATOR),
				new Step(matches.approved(), "cancel", Visitor.COORDINATOR),
				new Step(matches.approved(), "decline-offer", Visitor.PROVIDER),
				new Step(matches.accepted(), "decline", Visitor.REQUESTER) }) {
			expectRefused(post("/matches/{id}/{step}", step.match(), step.path())
				.param("version", String.valueOf(matches.versionOf(step.match())))
				.param("reason", reason(DecisionMade.REASON_LENGTH + 1)), step.who(),
					() -> matches.versionOf(step.match()));
			String reason = reason(DecisionMade.REASON_LENGTH);
			expectTaken(post("/matches/{id}/{step}", step.match(), step.path())
				.param("version", String.valueOf(matches.versionOf(step.match())))
				.param("reason", reason), step.who(), reason);
		}
	}

	@Test
	void aMatchProposedByHandTakesAReasonOfTheMaximumLength() throws Exception {
		MatchExamples matches = new MatchExamples(this.context);
		String request = matches.requests().openForMatching(Visitor.REQUESTER.email(), Visitor.COORDINATOR.email());
		long offer = matches.offers().idOf(matches.offer());
		String tooLong = reason(DecisionMade.REASON_LENGTH + 1);
		expectRefused(post("/admin/requests/{ref}/matching", request).param("offer", String.valueOf(offer))
			.param("byHand", "true")
			.param("reason", tooLong), Visitor.COORDINATOR,
				() -> this.jdbc.queryForObject("select count(*) from request_match where request_reference = ?",
						Long.class, request));
		String reason = reason(DecisionMade.REASON_LENGTH);
		this.mvc
			.perform(post("/admin/requests/{ref}/matching", request).param("offer", String.valueOf(offer))
				.param("byHand", "true")
				.param("reason", reason)
				.with(csrf())
				.with(Visitor.COORDINATOR.as(this.people)))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(302));
		assertThat(this.jdbc.queryForObject("select override_reason from request_match where request_reference = ?",
				String.class, request))
			.isEqualTo(reason);
	}

	@Test
	void aCoordinatorRejectsAnAccountWithAReasonOfTheMaximumLength() throws Exception {
		String email = NewAccounts.registerRequester(this.mvc, "reason-length");
		long id = this.jdbc.queryForObject("select id from account where email = ?", Long.class, email);
		expectRefused(post("/admin/accounts/{id}/reject", id).param("version", String.valueOf(accountVersion(email)))
			.param("reason", reason(DecisionMade.REASON_LENGTH + 1)), Visitor.COORDINATOR, () -> accountVersion(email));
		String reason = reason(DecisionMade.REASON_LENGTH);
		expectTaken(post("/admin/accounts/{id}/reject", id).param("version", String.valueOf(accountVersion(email)))
			.param("reason", reason), Visitor.COORDINATOR, reason);
		assertThat(this.jdbc.queryForObject("select decision_reason from account where id = ?", String.class, id))
			.isEqualTo(reason);
	}

	private long accountVersion(String email) {
		return this.jdbc.queryForObject("select version from account where email = ?", Long.class, email);
	}

	/** The form comes back (200) and what it would have changed is as it was. */
	private void expectRefused(MockHttpServletRequestBuilder request, Visitor who, StateOf state) throws Exception {
		Object before = state.now();
		int status = this.mvc.perform(request.with(csrf()).with(who.as(this.people)))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).as("answer to a reason one character too long").isEqualTo(200);
		assertThat(state.now()).as("state after a reason one character too long").isEqualTo(before);
	}

	/** The decision is taken (a redirect after the POST) and the decision log holds the whole reason. */
	private void expectTaken(MockHttpServletRequestBuilder request, Visitor who, String reason) throws Exception {
		int status = this.mvc.perform(request.with(csrf()).with(who.as(this.people)))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).as("answer to a reason of the maximum length").isEqualTo(302);
		assertThat(this.jdbc.queryForObject("select count(*) from decision_log where reason = ?", Integer.class, reason))
			.as("decisions logged with the whole reason")
			.isEqualTo(1);
	}

	/** A reason of exactly this many characters, some of them outside ASCII, unlike any other. */
	private static String reason(int length) {
		String start = "Reason " + counter.incrementAndGet() + " " + System.nanoTime() + ": ";
		return (start + "les éléments demandés ne sont pas réunis. ".repeat(length / 40 + 1)).substring(0, length);
	}

	@FunctionalInterface
	private interface StateOf {

		Object now() throws Exception;

	}
}
