package org.taexchange.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import org.taexchange.audit.DecisionMade;
import org.taexchange.matching.Assessment.ScoredPart;
import org.taexchange.matching.Match.CapacityMove;
import org.taexchange.matching.Match.Engagement;
import org.taexchange.matching.Match.Pairing;
import org.taexchange.matching.MatchEvents.MatchAccepted;
import org.taexchange.matching.MatchEvents.MatchApproved;
import org.taexchange.matching.MatchEvents.MatchCancelled;
import org.taexchange.matching.MatchEvents.MatchCompleted;
import org.taexchange.matching.MatchEvents.MatchConfirmed;
import org.taexchange.matching.MatchEvents.MatchDeclined;
import org.taexchange.matching.MatchEvents.MatchDeliveryStarted;
import org.taexchange.matching.MatchEvents.MatchProposed;
import org.taexchange.matching.MatchEvents.MatchRejected;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.support.DomainEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The match aggregate on its own: each step of its lifecycle, what the step does to the offer's
 * capacity, what it refuses, and what it tells the decision log and the other modules.
 */
class MatchTests {

	static final String COORDINATOR = "coordinator@example.org";

	static final String PROVIDER = "provider@example.org";

	static final String OFFICIAL = "official.sl@example.org";

	static final String REQUEST = "TA-2026-0042";

	static final String OFFER = "OF-2026-0007";

	static final String LABEL = REQUEST + " ↔ " + OFFER;

	static final long ID = 23L;

	static final Instant PROPOSED_AT = Instant.parse("2026-11-02T09:00:00Z");

	private final Clock clock = Clock.fixed(PROPOSED_AT, ZoneOffset.UTC);

	// --- examples --------------------------------------------------------------------------------

	/** The clock a given number of days after the proposal. */
	private static Clock daysLater(int days) {
		return Clock.fixed(PROPOSED_AT.plus(Duration.ofDays(days)), ZoneOffset.UTC);
	}

	private static Pairing pairing() {
		return new Pairing(11L, REQUEST, "SL", 17L, OFFER, 5L);
	}

	/** A score of 80 out of 100 in three explained parts. */
	private static Assessment scored() {
		return Assessment.scored(List.of(
				new ScoredPart(Part.EXPERTISE, 35, 35, Reason.of("match.part.expertise.primary", "n:2", "n:2")),
				new ScoredPart(Part.LANGUAGE, 15, 15, Reason.of("match.part.language.shared", "lang*:en,fr")),
				new ScoredPart(Part.TIMING, 30, 30, Reason.of("match.part.timing.covered", "n:100"))));
	}

	/** An offer that shares no working language with the request. */
	private static Assessment excluded() {
		return Assessment.excluded(List.of(Reason.of("match.excluded.language"), Reason.of("match.excluded.window")));
	}

	private Match aProposedMatch() {
		Match match = Match.propose(pairing(), scored(), MatchOrigin.SUGGESTION, null, COORDINATOR, this.clock);
		ReflectionTestUtils.setField(match, "id", ID);
		return match;
	}

	private Match anApprovedMatch() {
		Match match = aProposedMatch();
		match.approve(COORDINATOR, daysLater(1));
		return match;
	}

	private Match anAcceptedMatch() {
		Match match = anApprovedMatch();
		match.accept(PROVIDER, daysLater(2));
		return match;
	}

	private Match aConfirmedMatch() {
		Match match = anAcceptedMatch();
		match.confirm(OFFICIAL, daysLater(3));
		return match;
	}

	private Match aMatchInDelivery() {
		Match match = aConfirmedMatch();
		match.startDelivery(COORDINATOR, daysLater(4));
		return match;
	}

	private Match aCompletedMatch() {
		Match match = aMatchInDelivery();
		match.complete(COORDINATOR, daysLater(5));
		return match;
	}

	private Match aRejectedMatch() {
		Match match = aProposedMatch();
		match.reject(COORDINATOR, "Another offer fits better", daysLater(1));
		return match;
	}

	private Match aMatchDeclinedByTheProvider() {
		Match match = anApprovedMatch();
		match.declineAsProvider(PROVIDER, "Our valuers are booked", daysLater(2));
		return match;
	}

	private Match aMatchDeclinedByTheRequester() {
		Match match = anAcceptedMatch();
		match.declineAsRequester(OFFICIAL, "The dates no longer suit us", daysLater(3));
		return match;
	}

	private Match aCancelledMatch() {
		Match match = anApprovedMatch();
		match.cancel(COORDINATOR, "The request was put on hold", daysLater(2));
		return match;
	}

	/** One match at each stage of the lifecycle, final ones included. */
	private List<Match> oneMatchAtEachStage() {
		return List.of(aProposedMatch(), anApprovedMatch(), anAcceptedMatch(), aConfirmedMatch(), aMatchInDelivery(),
				aCompletedMatch(), aRejectedMatch(), aMatchDeclinedByTheProvider(), aMatchDeclinedByTheRequester(),
				aCancelledMatch());
	}

	private static List<MatchStatus> timelineOf(Match match) {
		return match.getTimeline().stream().map(MatchStatusChange::getToStatus).toList();
	}

	private static List<String> decisionsOn(Match match) {
		return DomainEvents.of(match, DecisionMade.class).stream().map(DecisionMade::action).toList();
	}

	private static DecisionMade lastDecisionOn(Match match) {
		List<DecisionMade> decisions = DomainEvents.of(match, DecisionMade.class);
		return decisions.get(decisions.size() - 1);
	}

	/** Each step of the aggregate, taken by the side it belongs to, with a reason where one is needed. */
	enum Move {

		APPROVE(MatchStatus.PROPOSED), REJECT(MatchStatus.PROPOSED), ACCEPT(MatchStatus.APPROVED),
		DECLINE_AS_PROVIDER(MatchStatus.APPROVED), CONFIRM(MatchStatus.ACCEPTED),
		DECLINE_AS_REQUESTER(MatchStatus.ACCEPTED), START_DELIVERY(MatchStatus.CONFIRMED),
		COMPLETE(MatchStatus.IN_DELIVERY), CANCEL(null);

		/** The one status the step is taken from; null for a cancellation, taken from any in-progress one. */
		final MatchStatus from;

		Move(MatchStatus from) {
			this.from = from;
		}

		boolean allowedFrom(MatchStatus status) {
			return this.from == null ? status.isInProgress() : this.from == status;
		}

		CapacityMove takeOn(Match match, Clock clock) {
			return switch (this) {
				case APPROVE -> match.approve(COORDINATOR, clock);
				case REJECT -> match.reject(COORDINATOR, "Not relevant", clock);
				case ACCEPT -> match.accept(PROVIDER, clock);
				case DECLINE_AS_PROVIDER -> match.declineAsProvider(PROVIDER, "Booked", clock);
				case CONFIRM -> match.confirm(OFFICIAL, clock);
				case DECLINE_AS_REQUESTER -> match.declineAsRequester(OFFICIAL, "Too late", clock);
				case START_DELIVERY -> match.startDelivery(COORDINATOR, clock);
				case COMPLETE -> match.complete(COORDINATOR, clock);
				case CANCEL -> match.cancel(COORDINATOR, "Stopped", clock);
			};
		}
	}

	// --- proposing -------------------------------------------------------------------------------

	@Test
	void aProposalKeepsTheScoreAndItsExplanationAsTheyWereAndIsLogged() {
		Match match = aProposedMatch();

		assertThat(match.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		assertThat(match.getOrigin()).isEqualTo(MatchOrigin.SUGGESTION);
		assertThat(match.getScore()).isEqualTo(80);
		assertThat(match.getParts()).isEqualTo(scored().parts());
		assertThat(match.getExcludedBecause()).isEmpty();
		assertThat(match.getOverrideReason()).isNull();
		assertThat(match.getEngagement()).isEqualTo(Engagement.NONE);
		assertThat(match.getRequestId()).isEqualTo(11L);
		assertThat(match.getRequestingParticipant()).isEqualTo("SL");
		assertThat(match.getOfferId()).isEqualTo(17L);
		assertThat(match.getOrganisationId()).isEqualTo(5L);
		assertThat(match.getProposedBy()).isEqualTo(COORDINATOR);
		assertThat(match.getProposedAt()).isEqualTo(PROPOSED_AT);
		assertThat(match.getStatusChangedAt()).isEqualTo(PROPOSED_AT);
		assertThat(match.getApprovedAt()).isNull();
		assertThat(match.getAcceptedAt()).isNull();
		assertThat(match.label()).isEqualTo(LABEL);
		assertThat(match.getTimeline()).singleElement().satisfies(change -> {
			assertThat(change.getFromStatus()).isNull();
			assertThat(change.getToStatus()).isEqualTo(MatchStatus.PROPOSED);
			assertThat(change.getActor()).isEqualTo(COORDINATOR);
			assertThat(change.getOccurredAt()).isEqualTo(PROPOSED_AT);
			assertThat(change.getReason()).isNull();
		});
		assertThat(DomainEvents.of(match, DecisionMade.class)).containsExactly(new DecisionMade(PROPOSED_AT,
				COORDINATOR, Match.SUBJECT, LABEL, "MATCH_PROPOSED", null, "PROPOSED", null));
	}

	@Test
	void aProposalIsAnnouncedOnlyOnceItHasItsId() {
		Match match = aProposedMatch();
		assertThat(DomainEvents.of(match, MatchProposed.class)).isEmpty();
		match.announce();
		assertThat(DomainEvents.of(match, MatchProposed.class)).containsExactly(new MatchProposed(ID, REQUEST, OFFER, "SL", 5L));
	}

	@Test
	void neitherSideSeesAProposalUntilTheirTurnComes() {
		Match proposed = aProposedMatch();
		assertThat(proposed.shownToProvider()).isFalse();
		assertThat(proposed.shownToRequester()).isFalse();
		Match approved = anApprovedMatch();
		assertThat(approved.shownToProvider()).isTrue();
		assertThat(approved.shownToRequester()).isFalse();
		Match accepted = anAcceptedMatch();
		assertThat(accepted.shownToProvider()).isTrue();
		assertThat(accepted.shownToRequester()).isTrue();
		Match declined = aMatchDeclinedByTheProvider();
		assertThat(declined.shownToProvider()).as("the provider still sees what it declined").isTrue();
		assertThat(declined.shownToRequester()).as("the requester never heard of it").isFalse();
	}

	@Test
	void anOfferPickedByHandNeedsAReason() {
		for (String blank : new String[] { null, "", "   " }) {
			assertThatThrownBy(() -> Match.propose(pairing(), scored(), MatchOrigin.COORDINATOR, blank, COORDINATOR,
					this.clock))
				.as("picking by hand with the reason %s", blank)
				.isInstanceOf(IllegalArgumentException.class);
		}
		Match match = Match.propose(pairing(), scored(), MatchOrigin.COORDINATOR, "  The provider knows the region  ",
				COORDINATOR, this.clock);
		assertThat(match.getOrigin()).isEqualTo(MatchOrigin.COORDINATOR);
		assertThat(match.getOverrideReason()).isEqualTo("The provider knows the region");
		assertThat(match.getTimeline()).singleElement()
			.satisfies(change -> assertThat(change.getReason()).isEqualTo("The provider knows the region"));
		assertThat(DomainEvents.of(match, DecisionMade.class)).containsExactly(new DecisionMade(PROPOSED_AT,
				COORDINATOR, Match.SUBJECT, LABEL, "MATCH_PROPOSED", null, "PROPOSED", "The provider knows the region"));
	}

	@Test
	void onlyAPickByHandKeepsAnOverrideReason() {
		for (MatchOrigin origin : List.of(MatchOrigin.SUGGESTION, MatchOrigin.PLAN, MatchOrigin.REQUESTER_CHOICE)) {
			Match match = Match.propose(pairing(), scored(), origin, "A reason nobody asked for", COORDINATOR,
					this.clock);
			assertThat(match.getOrigin()).isEqualTo(origin);
			assertThat(match.getOverrideReason()).as("proposed from %s", origin).isNull();
			assertThat(lastDecisionOn(match).reason()).isNull();
		}
	}

	@Test
	void anExcludedOfferCanOnlyBeProposedByHand() {
		for (MatchOrigin origin : List.of(MatchOrigin.SUGGESTION, MatchOrigin.PLAN, MatchOrigin.REQUESTER_CHOICE)) {
			assertThatThrownBy(
					() -> Match.propose(pairing(), excluded(), origin, "Even with a reason", COORDINATOR, this.clock))
				.as("an excluded offer proposed from %s", origin)
				.isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> Match.propose(pairing(), excluded(), origin, null, COORDINATOR, this.clock))
				.as("an excluded offer proposed from %s without a reason", origin)
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> Match.propose(pairing(), excluded(), MatchOrigin.COORDINATOR, " ", COORDINATOR,
				this.clock))
			.as("by hand but without a reason")
			.isInstanceOf(IllegalArgumentException.class);

		Match match = Match.propose(pairing(), excluded(), MatchOrigin.COORDINATOR, "Interpretation is arranged",
				COORDINATOR, this.clock);

		assertThat(match.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		assertThat(match.getScore()).isZero();
		assertThat(match.getParts()).isEmpty();
		assertThat(match.getExcludedBecause()).as("what the filters said is kept")
			.containsExactly("match.excluded.language", "match.excluded.window");
		assertThat(match.getOverrideReason()).isEqualTo("Interpretation is arranged");
		assertThat(decisionsOn(match)).containsExactly("MATCH_PROPOSED");
	}

	// --- the way through -------------------------------------------------------------------------

	@Test
	void aMatchGoesFromProposalToCompletionAndEachStepSaysWhatItDoesToTheCapacity() {
		Match match = aProposedMatch();

		assertThat(match.approve(COORDINATOR, daysLater(1))).isEqualTo(CapacityMove.HOLD);
		assertThat(match.getStatus()).isEqualTo(MatchStatus.APPROVED);
		assertThat(match.getEngagement()).isEqualTo(Engagement.HELD);
		assertThat(match.getApprovedAt()).isEqualTo(daysLater(1).instant());

		assertThat(match.accept(PROVIDER, daysLater(2))).isEqualTo(CapacityMove.NONE);
		assertThat(match.getStatus()).isEqualTo(MatchStatus.ACCEPTED);
		assertThat(match.getEngagement()).isEqualTo(Engagement.HELD);
		assertThat(match.getAcceptedAt()).isEqualTo(daysLater(2).instant());

		assertThat(match.confirm(OFFICIAL, daysLater(3))).isEqualTo(CapacityMove.USE_HELD);
		assertThat(match.getStatus()).isEqualTo(MatchStatus.CONFIRMED);
		assertThat(match.getEngagement()).isEqualTo(Engagement.USED);

		assertThat(match.startDelivery(COORDINATOR, daysLater(4))).isEqualTo(CapacityMove.NONE);
		assertThat(match.getStatus()).isEqualTo(MatchStatus.IN_DELIVERY);
		assertThat(match.getEngagement()).isEqualTo(Engagement.USED);

		assertThat(match.complete(COORDINATOR, daysLater(5))).isEqualTo(CapacityMove.NONE);
		assertThat(match.getStatus()).isEqualTo(MatchStatus.COMPLETED);
		assertThat(match.getStatus().isInProgress()).isFalse();
		assertThat(match.getEngagement()).as("a delivered engagement stays used").isEqualTo(Engagement.USED);
		assertThat(match.getStatusChangedAt()).isEqualTo(daysLater(5).instant());
		assertThat(match.getApprovedAt()).as("kept").isEqualTo(daysLater(1).instant());
		assertThat(match.getAcceptedAt()).as("kept").isEqualTo(daysLater(2).instant());
		assertThat(timelineOf(match)).containsExactly(MatchStatus.PROPOSED, MatchStatus.APPROVED,
				MatchStatus.ACCEPTED, MatchStatus.CONFIRMED, MatchStatus.IN_DELIVERY, MatchStatus.COMPLETED);
		assertThat(match.getTimeline()).extracting(MatchStatusChange::getActor)
			.containsExactly(COORDINATOR, COORDINATOR, PROVIDER, OFFICIAL, COORDINATOR, COORDINATOR);
	}

	@Test
	void everyStepIsLoggedWithWhoWhenFromWhatToWhat() {
		Match match = aCompletedMatch();

		assertThat(DomainEvents.of(match, DecisionMade.class)).containsExactly(
				new DecisionMade(PROPOSED_AT, COORDINATOR, Match.SUBJECT, LABEL, "MATCH_PROPOSED", null, "PROPOSED",
						null),
				new DecisionMade(daysLater(1).instant(), COORDINATOR, Match.SUBJECT, LABEL, "MATCH_APPROVED",
						"PROPOSED", "APPROVED", null),
				new DecisionMade(daysLater(2).instant(), PROVIDER, Match.SUBJECT, LABEL, "MATCH_ACCEPTED", "APPROVED",
						"ACCEPTED", null),
				new DecisionMade(daysLater(3).instant(), OFFICIAL, Match.SUBJECT, LABEL, "MATCH_CONFIRMED", "ACCEPTED",
						"CONFIRMED", null),
				new DecisionMade(daysLater(4).instant(), COORDINATOR, Match.SUBJECT, LABEL, "MATCH_DELIVERY_STARTED",
						"CONFIRMED", "IN_DELIVERY", null),
				new DecisionMade(daysLater(5).instant(), COORDINATOR, Match.SUBJECT, LABEL, "MATCH_COMPLETED",
						"IN_DELIVERY", "COMPLETED", null));
	}

	@Test
	void everyStepTellsTheOtherModulesWhichMatchMovedAndWhatItPairs() {
		Match match = aCompletedMatch();

		assertThat(DomainEvents.of(match, MatchApproved.class))
			.containsExactly(new MatchApproved(ID, REQUEST, OFFER, "SL", 5L, daysLater(1).instant()));
		assertThat(DomainEvents.of(match, MatchAccepted.class))
			.containsExactly(new MatchAccepted(ID, REQUEST, OFFER, "SL", 5L, daysLater(2).instant()));
		assertThat(DomainEvents.of(match, MatchConfirmed.class))
			.containsExactly(new MatchConfirmed(ID, REQUEST, OFFER, "SL", 5L));
		assertThat(DomainEvents.of(match, MatchDeliveryStarted.class))
			.containsExactly(new MatchDeliveryStarted(ID, REQUEST, OFFER, "SL", 5L));
		assertThat(DomainEvents.of(match, MatchCompleted.class))
			.containsExactly(new MatchCompleted(ID, REQUEST, OFFER, "SL", 5L));
		assertThat(DomainEvents.of(match, MatchRejected.class)).isEmpty();
		assertThat(DomainEvents.of(match, MatchDeclined.class)).isEmpty();
		assertThat(DomainEvents.of(match, MatchCancelled.class)).isEmpty();
	}

	// --- the ways out ----------------------------------------------------------------------------

	@Test
	void aRejectionNeedsAReasonAndReleasesNothing() {
		Match match = aProposedMatch();
		for (String blank : new String[] { null, "", "  " }) {
			assertThatThrownBy(() -> match.reject(COORDINATOR, blank, daysLater(1)))
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(match.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		assertThat(decisionsOn(match)).containsExactly("MATCH_PROPOSED");
		assertThat(timelineOf(match)).containsExactly(MatchStatus.PROPOSED);

		assertThat(match.reject(COORDINATOR, "  Another offer fits better ", daysLater(1)))
			.isEqualTo(CapacityMove.NONE);

		assertThat(match.getStatus()).isEqualTo(MatchStatus.REJECTED);
		assertThat(match.getEngagement()).isEqualTo(Engagement.NONE);
		assertThat(match.getApprovedAt()).isNull();
		assertThat(match.getTimeline()).last()
			.satisfies(change -> assertThat(change.getReason()).isEqualTo("Another offer fits better"));
		assertThat(lastDecisionOn(match)).isEqualTo(new DecisionMade(daysLater(1).instant(), COORDINATOR,
				Match.SUBJECT, LABEL, "MATCH_REJECTED", "PROPOSED", "REJECTED", "Another offer fits better"));
		assertThat(DomainEvents.of(match, MatchRejected.class)).containsExactly(new MatchRejected(ID, REQUEST, OFFER, "SL", 5L));
	}

	@Test
	void theProviderDecliningNeedsAReasonAndReleasesTheEngagementSetAside() {
		Match match = anApprovedMatch();
		for (String blank : new String[] { null, "", "  " }) {
			assertThatThrownBy(() -> match.declineAsProvider(PROVIDER, blank, daysLater(2)))
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(match.getStatus()).isEqualTo(MatchStatus.APPROVED);
		assertThat(match.getEngagement()).as("still set aside").isEqualTo(Engagement.HELD);
		assertThat(decisionsOn(match)).containsExactly("MATCH_PROPOSED", "MATCH_APPROVED");

		assertThat(match.declineAsProvider(PROVIDER, " Our valuers are booked ", daysLater(2)))
			.isEqualTo(CapacityMove.RELEASE_HELD);

		assertThat(match.getStatus()).isEqualTo(MatchStatus.DECLINED);
		assertThat(match.getEngagement()).isEqualTo(Engagement.NONE);
		assertThat(lastDecisionOn(match)).isEqualTo(new DecisionMade(daysLater(2).instant(), PROVIDER, Match.SUBJECT,
				LABEL, "MATCH_DECLINED_BY_PROVIDER", "APPROVED", "DECLINED", "Our valuers are booked"));
		assertThat(DomainEvents.of(match, MatchDeclined.class))
			.containsExactly(new MatchDeclined(ID, REQUEST, OFFER, "SL", 5L, true));
	}

	@Test
	void theRequesterDecliningNeedsAReasonAndReleasesTheEngagementSetAside() {
		Match match = anAcceptedMatch();
		for (String blank : new String[] { null, "", "  " }) {
			assertThatThrownBy(() -> match.declineAsRequester(OFFICIAL, blank, daysLater(3)))
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(match.getStatus()).isEqualTo(MatchStatus.ACCEPTED);
		assertThat(match.getEngagement()).isEqualTo(Engagement.HELD);

		assertThat(match.declineAsRequester(OFFICIAL, "The dates no longer suit us", daysLater(3)))
			.isEqualTo(CapacityMove.RELEASE_HELD);

		assertThat(match.getStatus()).isEqualTo(MatchStatus.DECLINED);
		assertThat(match.getEngagement()).isEqualTo(Engagement.NONE);
		assertThat(lastDecisionOn(match)).isEqualTo(new DecisionMade(daysLater(3).instant(), OFFICIAL, Match.SUBJECT,
				LABEL, "MATCH_DECLINED_BY_REQUESTER", "ACCEPTED", "DECLINED", "The dates no longer suit us"));
		assertThat(DomainEvents.of(match, MatchDeclined.class))
			.containsExactly(new MatchDeclined(ID, REQUEST, OFFER, "SL", 5L, false));
	}

	@Test
	void aCancellationGivesBackWhateverTheMatchHeldOrUsed() {
		Map<MatchStatus, Match> inProgress = new EnumMap<>(MatchStatus.class);
		inProgress.put(MatchStatus.PROPOSED, aProposedMatch());
		inProgress.put(MatchStatus.APPROVED, anApprovedMatch());
		inProgress.put(MatchStatus.ACCEPTED, anAcceptedMatch());
		inProgress.put(MatchStatus.CONFIRMED, aConfirmedMatch());
		inProgress.put(MatchStatus.IN_DELIVERY, aMatchInDelivery());
		Map<MatchStatus, CapacityMove> expected = Map.of(MatchStatus.PROPOSED, CapacityMove.NONE,
				MatchStatus.APPROVED, CapacityMove.RELEASE_HELD, MatchStatus.ACCEPTED, CapacityMove.RELEASE_HELD,
				MatchStatus.CONFIRMED, CapacityMove.RELEASE_USED, MatchStatus.IN_DELIVERY, CapacityMove.RELEASE_USED);
		assertThat(inProgress.keySet()).as("every status in progress")
			.containsExactlyInAnyOrderElementsOf(
					Set.of(MatchStatus.values()).stream().filter(MatchStatus::isInProgress).toList());

		inProgress.forEach((status, match) -> {
			int decisions = decisionsOn(match).size();

			CapacityMove move = match.cancel(COORDINATOR, " The request was put on hold ", daysLater(9));

			assertThat(move).as("cancelling a %s match", status).isEqualTo(expected.get(status));
			assertThat(match.getStatus()).isEqualTo(MatchStatus.CANCELLED);
			assertThat(match.getEngagement()).as("nothing left held or used").isEqualTo(Engagement.NONE);
			assertThat(decisionsOn(match)).hasSize(decisions + 1);
			assertThat(lastDecisionOn(match)).isEqualTo(new DecisionMade(daysLater(9).instant(), COORDINATOR,
					Match.SUBJECT, LABEL, "MATCH_CANCELLED", status.name(), "CANCELLED", "The request was put on hold"));
			assertThat(match.getTimeline()).last().satisfies(change -> {
				assertThat(change.getFromStatus()).isEqualTo(status);
				assertThat(change.getToStatus()).isEqualTo(MatchStatus.CANCELLED);
				assertThat(change.getReason()).isEqualTo("The request was put on hold");
			});
			assertThat(DomainEvents.of(match, MatchCancelled.class))
				.containsExactly(new MatchCancelled(ID, REQUEST, OFFER, "SL", 5L, status != MatchStatus.PROPOSED,
						status == MatchStatus.ACCEPTED || status == MatchStatus.CONFIRMED
								|| status == MatchStatus.IN_DELIVERY));
		});
	}

	@Test
	void aCancellationNeedsAReasonWhateverTheStage() {
		for (Match match : List.of(aProposedMatch(), anApprovedMatch(), anAcceptedMatch(), aConfirmedMatch(),
				aMatchInDelivery())) {
			MatchStatus before = match.getStatus();
			Engagement engagement = match.getEngagement();
			int decisions = decisionsOn(match).size();
			for (String blank : new String[] { null, "", "  " }) {
				assertThatThrownBy(() -> match.cancel(COORDINATOR, blank, daysLater(9)))
					.as("cancelling a %s match with the reason %s", before, blank)
					.isInstanceOf(IllegalArgumentException.class);
			}
			assertThat(match.getStatus()).isEqualTo(before);
			assertThat(match.getEngagement()).as("a refused cancellation keeps the engagement").isEqualTo(engagement);
			assertThat(decisionsOn(match)).hasSize(decisions);
			assertThat(DomainEvents.of(match, MatchCancelled.class)).isEmpty();
		}
	}

	@Test
	void aFinishedMatchCannotBeCancelled() {
		for (Match match : List.of(aCompletedMatch(), aRejectedMatch(), aMatchDeclinedByTheProvider(),
				aMatchDeclinedByTheRequester(), aCancelledMatch())) {
			MatchStatus before = match.getStatus();
			Engagement engagement = match.getEngagement();
			assertThatThrownBy(() -> match.cancel(COORDINATOR, "Once more", daysLater(9)))
				.as("cancelling a %s match", before)
				.isInstanceOfSatisfying(IllegalTransition.class, ex -> {
					assertThat(ex.currentState()).isEqualTo(before.name());
					assertThat(ex.attempted()).isEqualTo("CANCELLED");
				});
			assertThat(match.getStatus()).isEqualTo(before);
			assertThat(match.getEngagement()).isEqualTo(engagement);
		}
	}

	// --- what is refused -------------------------------------------------------------------------

	@Test
	void everyStepIsRefusedFromEveryStatusItDoesNotStartFromAndChangesNothing() {
		List<String> refused = new ArrayList<>();
		for (Move move : Move.values()) {
			for (Match match : oneMatchAtEachStage()) {
				MatchStatus before = match.getStatus();
				if (move.allowedFrom(before)) {
					continue;
				}
				Engagement engagement = match.getEngagement();
				int decisions = decisionsOn(match).size();
				int events = DomainEvents.of(match, Object.class).size();
				int timeline = match.getTimeline().size();

				assertThatThrownBy(() -> move.takeOn(match, daysLater(20))).as("%s on a %s match", move, before)
					.isInstanceOfSatisfying(IllegalTransition.class, ex -> {
						assertThat(ex.subject()).isEqualTo("match");
						assertThat(ex.currentState()).isEqualTo(before.name());
					});

				assertThat(match.getStatus()).isEqualTo(before);
				assertThat(match.getEngagement()).isEqualTo(engagement);
				assertThat(match.getTimeline()).hasSize(timeline);
				assertThat(decisionsOn(match)).hasSize(decisions);
				assertThat(DomainEvents.of(match, Object.class)).as("nobody is told anything").hasSize(events);
				refused.add(move + " from " + before);
			}
		}
		// 8 steps from one status each, refused from the 9 others; cancelling refused from the 5 final statuses
		assertThat(refused).hasSize(8 * 9 + 5);
	}

	@Test
	void everyStepIsAllowedFromTheStatusItStartsFrom() {
		for (Move move : Move.values()) {
			for (Match match : oneMatchAtEachStage()) {
				MatchStatus before = match.getStatus();
				if (!move.allowedFrom(before)) {
					continue;
				}
				int decisions = decisionsOn(match).size();
				move.takeOn(match, daysLater(20));
				assertThat(match.getStatus()).as("%s on a %s match", move, before).isNotEqualTo(before);
				assertThat(match.getStatusChangedAt()).isEqualTo(daysLater(20).instant());
				assertThat(decisionsOn(match)).hasSize(decisions + 1);
				assertThat(lastDecisionOn(match).fromState()).isEqualTo(before.name());
			}
		}
	}

	@Test
	void aRefusedStepIsRefusedForItsStatusBeforeItsMissingReason() {
		Match completed = aCompletedMatch();
		assertThatThrownBy(() -> completed.cancel(COORDINATOR, null, daysLater(9)))
			.isInstanceOf(IllegalTransition.class);
		Match proposed = aProposedMatch();
		assertThatThrownBy(() -> proposed.declineAsProvider(PROVIDER, null, daysLater(9)))
			.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> proposed.declineAsRequester(OFFICIAL, " ", daysLater(9)))
			.isInstanceOf(IllegalTransition.class);
		Match approved = anApprovedMatch();
		assertThatThrownBy(() -> approved.reject(COORDINATOR, null, daysLater(9)))
			.as("an approved match is cancelled, no longer rejected")
			.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void aMatchCannotBeApprovedTwice() {
		Match match = anApprovedMatch();
		assertThatThrownBy(() -> match.approve(COORDINATOR, daysLater(2)))
			.isInstanceOfSatisfying(IllegalTransition.class, ex -> {
				assertThat(ex.currentState()).isEqualTo("APPROVED");
				assertThat(ex.attempted()).isEqualTo("APPROVED");
			});
		assertThat(match.getApprovedAt()).as("the first approval's moment").isEqualTo(daysLater(1).instant());
		assertThat(DomainEvents.of(match, MatchApproved.class)).hasSize(1);
	}
}
