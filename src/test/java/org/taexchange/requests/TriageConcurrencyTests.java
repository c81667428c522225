package org.taexchange.requests;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.ModelAndView;

import org.taexchange.accounts.AccountUser;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.requests.Triage.Decision;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Two coordinators deciding on one request at the same moment, both from the page they saw: one
 * decision is taken, the other is refused, and the request's timeline and the decision log tell one
 * story.
 */
@IntegrationTest
class TriageConcurrencyTests {

	static final String OFFICIAL = "official.sl@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	/** Admins take triage decisions too: the second coordinator of the race. */
	static final String OTHER_COORDINATOR = "admin@example.org";

	static final int ROUNDS = 15;

	@Autowired
	Triage triage;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private RequestExamples examples;

	private ExecutorService coordinators;

	@BeforeEach
	void setUp() {
		this.examples = new RequestExamples(this.context);
		this.coordinators = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.coordinators.shutdownNow();
		assertThat(this.coordinators.awaitTermination(30, TimeUnit.SECONDS)).as("both coordinators are done").isTrue();
	}

	@Test
	void ofTwoConflictingDecisionsTakenAtOnceOnTheSameVersionExactlyOneIsAppliedAndTheOtherRefused()
			throws Exception {
		AccountUser opener = this.examples.person(COORDINATOR);
		AccountUser rejecter = this.examples.person(OTHER_COORDINATOR);
		for (int round = 1; round <= ROUNDS; round++) {
			String reference = this.examples.underReview(OFFICIAL, COORDINATOR);
			long id = this.examples.idOf(reference);
			long shown = this.examples.versionOf(id);
			ReferenceNumber number = new ReferenceNumber(reference);

			CountDownLatch ready = new CountDownLatch(2);
			CountDownLatch go = new CountDownLatch(1);
			Future<Throwable> opening = this.coordinators.submit(atTheSignal(ready, go,
					() -> this.triage.decide(number, shown, opener, Decision.OPEN_FOR_MATCHING, null)));
			Future<Throwable> rejecting = this.coordinators.submit(atTheSignal(ready, go,
					() -> this.triage.decide(number, shown, rejecter, Decision.REJECT, "Outside the programme's scope")));
			assertThat(ready.await(30, TimeUnit.SECONDS)).as("round %d: both coordinators are ready", round).isTrue();
			go.countDown();
			Throwable openingRefused = opening.get(60, TimeUnit.SECONDS);
			Throwable rejectingRefused = rejecting.get(60, TimeUnit.SECONDS);

			assertThat(openingRefused == null ^ rejectingRefused == null)
				.as("round %d: exactly one decision is applied (opening refused by %s, rejecting refused by %s)", round,
						openingRefused, rejectingRefused)
				.isTrue();
			Throwable refusal = openingRefused != null ? openingRefused : rejectingRefused;
			assertThat(refusal).as("round %d: the other is refused as a conflict (409)", round)
				.isInstanceOfAny(ObjectOptimisticLockingFailureException.class, IllegalTransition.class);

			boolean opened = openingRefused == null;
			AssistanceRequest after = this.examples.requestOf(id);
			assertThat(after.getStatus()).as("round %d", round)
				.isEqualTo(opened ? RequestStatus.OPEN_FOR_MATCHING : RequestStatus.REJECTED);
			assertThat(after.getVersion()).as("round %d: one change since the version shown", round)
				.isEqualTo(shown + 1);
			assertThat(this.examples.timelineOf(id)).as("round %d: the timeline", round)
				.containsExactly("SUBMITTED", "UNDER_REVIEW", opened ? "OPEN_FOR_MATCHING" : "REJECTED");
			assertThat(this.examples.decisionsOn(reference)).as("round %d: the decision log", round)
				.containsExactly("SUBMITTED", "REVIEW_STARTED", opened ? "OPENED_FOR_MATCHING" : "REJECTED");
		}
	}

	@Test
	void aDecisionOnAVersionSomeoneHasChangedSinceIsRefusedWithAPageLeadingBackToTheCurrentState()
			throws Exception {
		String reference = this.examples.underReview(OFFICIAL, COORDINATOR);
		long id = this.examples.idOf(reference);
		long shown = this.examples.versionOf(id);
		String page = "/admin/requests/" + reference;

		MockHttpServletResponse held = this.mvc
			.perform(post(page + "/hold").param("version", String.valueOf(shown))
				.param("text", "Waiting for the donors' answer")
				.with(csrf())
				.with(signedIn(this.examples.person(OTHER_COORDINATOR))))
			.andReturn()
			.getResponse();
		assertThat(held.getRedirectedUrl()).as("the first decision").isEqualTo(page);

		MvcResult stale = this.mvc
			.perform(post(page + "/open-for-matching").param("version", String.valueOf(shown))
				.with(csrf())
				.with(signedIn(this.examples.person(COORDINATOR)))
				.accept(MediaType.TEXT_HTML))
			.andReturn();
		assertThat(stale.getResponse().getStatus()).isEqualTo(409);
		ModelAndView refusal = stale.getModelAndView();
		assertThat(refusal).isNotNull();
		assertThat(refusal.getViewName()).isEqualTo("error/409");
		assertThat(refusal.getModel()).containsEntry("reason", "stale").containsEntry("back", page);
		assertThat(stale.getResponse().getContentAsString()).contains("href=\"" + page + "\"");

		AssistanceRequest after = this.examples.requestOf(id);
		assertThat(after.getStatus()).as("the hold stands").isEqualTo(RequestStatus.ON_HOLD);
		assertThat(this.examples.timelineOf(id)).containsExactly("SUBMITTED", "UNDER_REVIEW", "ON_HOLD");
		assertThat(this.examples.decisionsOn(reference)).containsExactly("SUBMITTED", "REVIEW_STARTED", "PUT_ON_HOLD");

		MvcResult current = this.mvc.perform(get(page).with(signedIn(this.examples.person(COORDINATOR)))).andReturn();
		assertThat(current.getResponse().getStatus()).as("the page the refusal leads back to").isEqualTo(200);
		AssistanceRequest shownNow = (AssistanceRequest) current.getModelAndView().getModel().get("request");
		assertThat(shownNow.getStatus()).isEqualTo(RequestStatus.ON_HOLD);
		assertThat(shownNow.getVersion()).as("the version its forms now carry").isEqualTo(shown + 1);
	}

	@Test
	void aDecisionTheCurrentStatusDoesNotAllowIsRefusedWithThatStatusAndTheWayBack() throws Exception {
		String reference = this.examples.submitted(OFFICIAL);
		long id = this.examples.idOf(reference);
		String page = "/admin/requests/" + reference;

		MvcResult refused = this.mvc
			.perform(post(page + "/open-for-matching").param("version", String.valueOf(this.examples.versionOf(id)))
				.with(csrf())
				.with(signedIn(this.examples.person(COORDINATOR)))
				.accept(MediaType.TEXT_HTML))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).as("opening for matching before the review").isEqualTo(409);
		assertThat(refused.getModelAndView().getModel()).containsEntry("reason", "illegal")
			.containsEntry("currentState", "SUBMITTED")
			.containsEntry("back", page);
		assertThat(refused.getResponse().getContentAsString()).contains("href=\"" + page + "\"");
		assertThat(this.examples.requestOf(id).getStatus()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(this.examples.decisionsOn(reference)).containsExactly("SUBMITTED");
	}

	/** The decision, run once both coordinators are ready and the signal is given; what refused it, if anything. */
	private static Callable<Throwable> atTheSignal(CountDownLatch ready, CountDownLatch go, Runnable decision) {
		return () -> {
			ready.countDown();
			if (!go.await(30, TimeUnit.SECONDS)) {
				return new IllegalStateException("No signal to decide");
			}
			try {
				decision.run();
				return null;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		};
	}
}
