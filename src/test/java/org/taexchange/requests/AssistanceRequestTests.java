package org.taexchange.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import org.taexchange.audit.DecisionMade;
import org.taexchange.participants.Modality;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.requests.RequestEvents.RequestOpenedForMatching;
import org.taexchange.requests.RequestEvents.RequestSubmitted;
import org.taexchange.requests.RequestMessage.Author;
import org.taexchange.support.DomainEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssistanceRequestTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

	static final String OFFICIAL = "official.sl@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	static final Author COORDINATOR_AUTHOR = new Author(2L, "Demo Coordinator", COORDINATOR, true);

	private AssistanceRequest aDraft() {
		AssistanceRequest request = AssistanceRequest.draft(7L, new WhoIsAsking("SL", List.of("SL", "LR", "GN", "CI"),
				"Fatmata Koroma", "Head of monitoring", "focal@example.org", null), this.clock);
		ReflectionTestUtils.setField(request, "id", 11L);
		return request;
	}

	private AssistanceRequest aCompleteDraft() {
		AssistanceRequest request = aDraft();
		request.describe(new TheNeed("Regional valuation training", "Valuers lack practice with rough goods.",
				"Train twenty valuers.", "Valuations within 5 % of reference prices.", null, 2025, null, null),
				this.clock);
		request.describe(new ExpertiseWanted(List.of("VALUATION", "STATISTICS"), "VALUATION",
				List.of(Modality.WORKSHOP)), this.clock);
		request.describe(new Practicalities(List.of("en", "fr"), "French interpretation for Guinea",
				LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 30), Urgency.SOON, 20, "Government valuers",
				Funding.NEEDS_FULL_FUNDING), this.clock);
		return request;
	}

	private AssistanceRequest aSubmittedRequest() {
		AssistanceRequest request = aCompleteDraft();
		request.submit(ReferenceNumber.of(2026, 42), OFFICIAL, this.clock);
		return request;
	}

	private AssistanceRequest underReview() {
		AssistanceRequest request = aSubmittedRequest();
		request.startReview(COORDINATOR, this.clock);
		return request;
	}

	@Test
	void aDraftRemembersTheFurthestStepReached() {
		AssistanceRequest request = aDraft();
		assertThat(request.getStatus()).isEqualTo(RequestStatus.DRAFT);
		assertThat(request.getStepReached()).isEqualTo(2);
		request.describe(new ExpertiseWanted(List.of("VALUATION"), "VALUATION", List.of()), this.clock);
		assertThat(request.getStepReached()).isEqualTo(4);
		request.describe(new WhoIsAsking("SL", List.of("SL"), "A", null, "a@example.org", null), this.clock);
		assertThat(request.getStepReached()).as("going back loses nothing").isEqualTo(4);
		request.attachmentsReviewed(this.clock);
		assertThat(request.getStepReached()).isEqualTo(AssistanceRequest.STEPS);
	}

	@Test
	void rejectsSubmissionOfAnIncompleteDraft() {
		AssistanceRequest request = aDraft();
		assertThatThrownBy(() -> request.submit(ReferenceNumber.of(2026, 1), OFFICIAL, this.clock))
			.isInstanceOf(IncompleteRequest.class)
			.satisfies(ex -> assertThat(((IncompleteRequest) ex).missing()).containsExactly("request.missing.need",
					"request.missing.expertise", "request.missing.modalities", "request.missing.languages",
					"request.missing.practicalities"));
		assertThat(request.getStatus()).isEqualTo(RequestStatus.DRAFT);
		assertThat(request.getReference()).isNull();
	}

	@Test
	void submittingGivesTheReferenceAndTellsOtherModules() {
		AssistanceRequest request = aSubmittedRequest();
		assertThat(request.getReference()).isEqualTo("TA-2026-0042");
		assertThat(request.getStatus()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.getSubmittedAt()).isEqualTo(this.clock.instant());
		assertThat(DomainEvents.of(request, RequestSubmitted.class))
			.containsExactly(new RequestSubmitted(11L, "TA-2026-0042", this.clock.instant()));
		assertThat(DomainEvents.of(request, DecisionMade.class)).singleElement()
			.satisfies(d -> assertThat(d.subjectId()).isEqualTo("TA-2026-0042"));
		assertThat(request.getTimeline()).extracting(RequestStatusChange::getToStatus)
			.containsExactly(RequestStatus.SUBMITTED);
	}

	@Test
	void aSubmittedRequestCannotBeEditedOrSubmittedAgain() {
		AssistanceRequest request = aSubmittedRequest();
		assertThatThrownBy(() -> request.submit(ReferenceNumber.of(2026, 43), OFFICIAL, this.clock))
			.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> request.describe(new TheNeed("x", "x", "x", "x", null, null, null, null), this.clock))
			.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void triageAsksForInformationAndOpensForMatching() {
		AssistanceRequest request = underReview();
		request.askForInformation(COORDINATOR_AUTHOR, "Which provinces do the valuers come from?", this.clock);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.NEEDS_INFO);
		request.describe(new TheNeed("Regional valuation training", "Valuers in Kono and Kenema lack practice.",
				"Train twenty valuers.", "Valuations within 5 % of reference prices.", null, 2025, null, null),
				this.clock);
		request.informationGiven(OFFICIAL, this.clock);
		request.openForMatching(COORDINATOR, this.clock);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.OPEN_FOR_MATCHING);
		assertThat(DomainEvents.of(request, RequestOpenedForMatching.class)).hasSize(1);
		assertThat(request.getTimeline()).extracting(RequestStatusChange::getToStatus)
			.containsExactly(RequestStatus.SUBMITTED, RequestStatus.UNDER_REVIEW, RequestStatus.NEEDS_INFO,
					RequestStatus.UNDER_REVIEW, RequestStatus.OPEN_FOR_MATCHING);
		assertThat(request.getTimeline().get(2).getReason()).isEqualTo("Which provinces do the valuers come from?");
		assertThat(DomainEvents.of(request, DecisionMade.class)).extracting(DecisionMade::action)
			.containsExactly("SUBMITTED", "REVIEW_STARTED", "INFORMATION_ASKED", "INFORMATION_GIVEN",
					"OPENED_FOR_MATCHING");
	}

	@Test
	void illegalTransitionsAreRefused() {
		AssistanceRequest submitted = aSubmittedRequest();
		assertThatThrownBy(() -> submitted.openForMatching(COORDINATOR, this.clock))
			.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> submitted.informationGiven(OFFICIAL, this.clock))
			.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> submitted.resume(COORDINATOR, this.clock)).isInstanceOf(IllegalTransition.class);
		AssistanceRequest draft = aDraft();
		assertThatThrownBy(() -> draft.startReview(COORDINATOR, this.clock)).isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> draft.withdraw(OFFICIAL, null, this.clock)).isInstanceOf(IllegalTransition.class);
	}

	@Test
	void rejectionAndQuestionsNeedText() {
		AssistanceRequest request = underReview();
		assertThatThrownBy(() -> request.reject(COORDINATOR, " ", this.clock))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> request.askForInformation(COORDINATOR_AUTHOR, null, this.clock))
			.isInstanceOf(IllegalArgumentException.class);
		request.reject(COORDINATOR, "Outside the scope of the programme", this.clock);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.REJECTED);
		assertThat(request.getStatus().isFinal()).isTrue();
		assertThatThrownBy(() -> request.withdraw(OFFICIAL, null, this.clock)).isInstanceOf(IllegalTransition.class);
	}

	@Test
	void aHoldReturnsToWhereTheRequestWas() {
		AssistanceRequest request = underReview();
		request.askForInformation(COORDINATOR_AUTHOR, "Budget?", this.clock);
		request.putOnHold(COORDINATOR, "Waiting for the plenary's decision", this.clock);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.ON_HOLD);
		assertThatThrownBy(() -> request.putOnHold(COORDINATOR, "again", this.clock))
			.isInstanceOf(IllegalTransition.class);
		request.resume(COORDINATOR, this.clock);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.NEEDS_INFO);
		assertThat(request.getHeldFrom()).isNull();
	}

	@Test
	void theRequesterCanWithdrawBeforeDelivery() {
		AssistanceRequest request = underReview();
		request.openForMatching(COORDINATOR, this.clock);
		request.withdraw(OFFICIAL, "Funded by another programme", this.clock);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.WITHDRAWN);
		assertThat(request.getTimeline()).last()
			.satisfies(change -> assertThat(change.getReason()).isEqualTo("Funded by another programme"));
	}

	@Test
	void thePrimaryAreaIsOneOfTheChosenAreasAndTheWindowIsInOrder() {
		assertThatThrownBy(() -> new ExpertiseWanted(List.of("VALUATION"), "STATISTICS", List.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Practicalities(List.of("en"), null, LocalDate.of(2027, 6, 1),
				LocalDate.of(2027, 5, 1), Urgency.ROUTINE, null, null, Funding.IN_KIND))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void referencesHaveTheirShape() {
		assertThat(ReferenceNumber.of(2026, 7).value()).isEqualTo("TA-2026-0007");
		assertThat(ReferenceNumber.of(2026, 12345).value()).isEqualTo("TA-2026-12345");
		assertThat(ReferenceNumber.isValid("TA-2026-0042")).isTrue();
		assertThat(ReferenceNumber.isValid("OF-2026-0042")).isFalse();
		assertThat(ReferenceNumber.isValid("TA-2026-42")).isFalse();
		assertThatThrownBy(() -> new ReferenceNumber("x")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void statusesKnowWhatTheyAllow() {
		assertThat(RequestStatus.NEEDS_INFO.isInTriage()).isTrue();
		assertThat(RequestStatus.OPEN_FOR_MATCHING.isInTriage()).isFalse();
		assertThat(RequestStatus.MATCHED.isWithdrawable()).isTrue();
		assertThat(RequestStatus.IN_DELIVERY.isWithdrawable()).isFalse();
		assertThat(RequestStatus.OPEN_FOR_MATCHING.isHoldable()).isTrue();
		assertThat(RequestStatus.DRAFT.isHoldable()).isFalse();
	}

	@Test
	void editsOfASubmittedRequestAreLoggedButNotThoseOfADraft() {
		AssistanceRequest draft = aDraft();
		draft.recordEdit(OFFICIAL, "need", this.clock);
		assertThat(DomainEvents.of(draft, DecisionMade.class)).isEmpty();

		AssistanceRequest asked = underReview();
		asked.askForInformation(COORDINATOR_AUTHOR, "Which provinces?", this.clock);
		asked.describe(new TheNeed("Regional valuation training", "Valuers in Kono lack practice.", "Train twenty.",
				"Within 5 %.", null, null, null, null), this.clock);
		asked.recordEdit(OFFICIAL, "need", this.clock);
		assertThat(DomainEvents.of(asked, DecisionMade.class)).last()
			.satisfies(decision -> {
				assertThat(decision.action()).isEqualTo("EDITED");
				assertThat(decision.actor()).isEqualTo(OFFICIAL);
				assertThat(decision.reason()).isEqualTo("need");
			});
	}

	@Test
	void aMessageFromTheRequesterAnswersTheQuestionAndOneFromTheCoordinatorDoesNot() {
		AssistanceRequest request = underReview();
		request.askForInformation(COORDINATOR_AUTHOR, "Which provinces?", this.clock);
		request.sendMessage(COORDINATOR_AUTHOR, "And how many valuers?", this.clock);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.NEEDS_INFO);
		request.sendMessage(new Author(7L, "Fatmata Koroma", OFFICIAL, false), "Kono and Kenema; twenty.", this.clock);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.UNDER_REVIEW);
		assertThat(request.getMessages()).extracting(RequestMessage::getBody)
			.containsExactly("Which provinces?", "And how many valuers?", "Kono and Kenema; twenty.");
		assertThatThrownBy(() -> aDraft().sendMessage(COORDINATOR_AUTHOR, "hello", this.clock))
			.isInstanceOf(IllegalTransition.class);
	}
}
