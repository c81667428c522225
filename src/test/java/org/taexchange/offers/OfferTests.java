package org.taexchange.offers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import org.taexchange.audit.DecisionMade;
import org.taexchange.offers.OfferEvents.OfferCapacityChanged;
import org.taexchange.offers.OfferEvents.OfferChangesAsked;
import org.taexchange.offers.OfferEvents.OfferDeclined;
import org.taexchange.offers.OfferEvents.OfferExpired;
import org.taexchange.offers.OfferEvents.OfferPaused;
import org.taexchange.offers.OfferEvents.OfferPublished;
import org.taexchange.offers.OfferEvents.OfferResumed;
import org.taexchange.offers.OfferEvents.OfferSentBackToVetting;
import org.taexchange.offers.OfferEvents.OfferSubmitted;
import org.taexchange.offers.OfferEvents.OfferWithdrawn;
import org.taexchange.participants.Modality;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.support.DomainEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferTests {

	static final String PROVIDER = "provider@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	static final String REFERENCE = "OF-2026-0042";

	static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);

	static final LocalDate LAST_DAY = LocalDate.of(2027, 5, 31);

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

	// --- examples --------------------------------------------------------------------------------

	/** A complete content: an offer of three engagements from December to May, open to every participant. */
	static OfferContent content() {
		return new OfferContent("Customs controls against smuggling", "A five-day workshop at border posts.",
				List.of("ENFORCEMENT", "CERTIFICATES"), List.of(Modality.WORKSHOP), List.of("en", "fr"), Reach.ALL,
				List.of(), List.of(), FIRST_DAY, LAST_DAY, 3, OfferFunding.FULLY_FUNDED, 2, "Two senior trainers",
				List.of("en", "fr"), List.of(), null);
	}

	/** The complete content with some parts changed. */
	static OfferContent content(UnaryOperator<Builder> changes) {
		return changes.apply(new Builder(content())).build();
	}

	private Offer aDraft(OfferContent content) {
		Offer offer = Offer.draft(5L, 9L, content, this.clock);
		ReflectionTestUtils.setField(offer, "id", 17L);
		return offer;
	}

	private Offer aSubmittedOffer() {
		Offer offer = aDraft(content());
		offer.submit(OfferReference.of(2026, 42), PROVIDER, this.clock);
		return offer;
	}

	private Offer aPublishedOffer() {
		Offer offer = aSubmittedOffer();
		offer.publish(COORDINATOR, this.clock);
		return offer;
	}

	private Offer aPausedOffer() {
		Offer offer = aPublishedOffer();
		offer.pause(PROVIDER, this.clock);
		return offer;
	}

	private Offer anExhaustedOffer() {
		Offer offer = aPublishedOffer();
		for (int i = 0; i < 3; i++) {
			offer.useCapacity(COORDINATOR, this.clock);
		}
		return offer;
	}

	private Offer aDeclinedOffer() {
		Offer offer = aSubmittedOffer();
		offer.decline(COORDINATOR, "Outside the programme", this.clock);
		return offer;
	}

	private Offer aWithdrawnOffer() {
		Offer offer = aPublishedOffer();
		offer.withdraw(PROVIDER, this.clock);
		return offer;
	}

	private Offer anExpiredOffer() {
		Offer offer = aPublishedOffer();
		offer.expire(on(LAST_DAY.plusDays(1)));
		return offer;
	}

	private static Clock on(LocalDate day) {
		return Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
	}

	private static List<String> timelineOf(Offer offer) {
		return offer.getTimeline().stream().map(change -> change.getToStatus().name()).toList();
	}

	private static List<String> decisionsOn(Offer offer) {
		return DomainEvents.of(offer, DecisionMade.class).stream().map(DecisionMade::action).toList();
	}

	// --- drafting and submitting -----------------------------------------------------------------

	@Test
	void aNewDraftHasNoReferenceNoTimelineAndTellsNobody() {
		Offer offer = aDraft(content());
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.DRAFT);
		assertThat(offer.getReference()).isNull();
		assertThat(offer.getTimeline()).isEmpty();
		assertThat(DomainEvents.of(offer, Object.class)).isEmpty();
		assertThat(offer.capacityLeft()).isEqualTo(3);
	}

	@Test
	void submittingAnIncompleteOfferIsRefusedWithEveryMissingPart() {
		Offer offer = aDraft(new OfferContent(" ", null, List.of(), List.of(), List.of(), null, List.of(), List.of(),
				null, null, null, null, null, null, List.of(), List.of("SL"), null));
		assertThatThrownBy(() -> offer.submit(OfferReference.of(2026, 1), PROVIDER, this.clock))
			.isInstanceOf(IncompleteOffer.class)
			.satisfies(ex -> assertThat(((IncompleteOffer) ex).missing()).containsExactly("offer.missing.description",
					"offer.missing.areas", "offer.missing.modalities", "offer.missing.languages", "offer.missing.reach",
					"offer.missing.capacityAndFunding", "offer.missing.conflictReason"));
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.DRAFT);
		assertThat(offer.getReference()).isNull();
		assertThat(offer.getTimeline()).isEmpty();
		assertThat(DomainEvents.of(offer, Object.class)).isEmpty();
	}

	@Test
	void aReachToRegionsOrParticipantsNeedsThemNamed() {
		Offer toRegions = aDraft(content(c -> c.reach(Reach.REGIONS)));
		assertThat(toRegions.missingParts()).containsExactly("offer.missing.reach");
		Offer toParticipants = aDraft(content(c -> c.reach(Reach.PARTICIPANTS)));
		assertThat(toParticipants.missingParts()).containsExactly("offer.missing.reach");
		Offer named = aDraft(content(c -> c.reach(Reach.REGIONS).reachRegions(List.of("Africa"))));
		assertThat(named.missingParts()).isEmpty();
	}

	@Test
	void submittingGivesTheReferenceAndTellsOtherModules() {
		Offer offer = aSubmittedOffer();
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(offer.getReference()).isEqualTo(REFERENCE);
		assertThat(DomainEvents.of(offer, OfferSubmitted.class)).containsExactly(new OfferSubmitted(17L, REFERENCE));
		assertThat(DomainEvents.of(offer, DecisionMade.class)).containsExactly(new DecisionMade(this.clock.instant(),
				PROVIDER, Offer.SUBJECT, REFERENCE, "SUBMITTED", "DRAFT", "SUBMITTED", null));
		assertThat(offer.getTimeline()).singleElement().satisfies(change -> {
			assertThat(change.getFromStatus()).isEqualTo(OfferStatus.DRAFT);
			assertThat(change.getToStatus()).isEqualTo(OfferStatus.SUBMITTED);
			assertThat(change.getActor()).isEqualTo(PROVIDER);
			assertThat(change.getOccurredAt()).isEqualTo(this.clock.instant());
		});
	}

	@Test
	void aResubmissionAfterChangesKeepsTheFirstReference() {
		Offer offer = aSubmittedOffer();
		offer.askForChanges(COORDINATOR, "  Please name the trainers.  ", this.clock);
		assertThat(offer.getVettingNote()).isEqualTo("Please name the trainers.");
		offer.describe(content(c -> c.expertsSeniority("Ms A and Mr B")), PROVIDER, this.clock);
		offer.submit(OfferReference.of(2026, 99), PROVIDER, this.clock);
		assertThat(offer.getReference()).isEqualTo(REFERENCE);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(offer.getVettingNote()).as("the note is answered").isNull();
		assertThat(DomainEvents.of(offer, OfferChangesAsked.class))
			.containsExactly(new OfferChangesAsked(17L, REFERENCE, this.clock.instant()));
		assertThat(DomainEvents.of(offer, OfferSubmitted.class)).hasSize(2);
		assertThat(timelineOf(offer)).containsExactly("SUBMITTED", "CHANGES_ASKED", "SUBMITTED");
		assertThat(offer.getTimeline().get(1).getReason()).isEqualTo("Please name the trainers.");
		assertThat(decisionsOn(offer)).containsExactly("SUBMITTED", "CHANGES_ASKED", "SUBMITTED");
	}

	@Test
	void onlyADraftOrAnOfferWithChangesAskedCanBeSubmitted() {
		for (Offer offer : List.of(aSubmittedOffer(), aPublishedOffer(), aPausedOffer(), anExhaustedOffer(),
				aDeclinedOffer(), aWithdrawnOffer(), anExpiredOffer())) {
			OfferStatus before = offer.getStatus();
			assertThatThrownBy(() -> offer.submit(OfferReference.of(2026, 7), PROVIDER, this.clock))
				.as("submitting an offer that is %s", before)
				.isInstanceOf(IllegalTransition.class);
			assertThat(offer.getStatus()).isEqualTo(before);
		}
	}

	// --- vetting ---------------------------------------------------------------------------------

	@Test
	void publishingPutsItInTheCatalogueAndTellsOtherModules() {
		Offer offer = aPublishedOffer();
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(DomainEvents.of(offer, OfferPublished.class)).containsExactly(new OfferPublished(17L, REFERENCE));
		assertThat(DomainEvents.of(offer, DecisionMade.class)).last()
			.isEqualTo(new DecisionMade(this.clock.instant(), COORDINATOR, Offer.SUBJECT, REFERENCE, "PUBLISHED",
					"SUBMITTED", "PUBLISHED", null));
		assertThat(timelineOf(offer)).containsExactly("SUBMITTED", "PUBLISHED");
	}

	@Test
	void aDeclineIsFinalAndCarriesItsReason() {
		Offer offer = aSubmittedOffer();
		offer.decline(COORDINATOR, " Outside the programme ", this.clock);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.DECLINED);
		assertThat(offer.getStatus().isFinal()).isTrue();
		assertThat(offer.getVettingNote()).isEqualTo("Outside the programme");
		assertThat(DomainEvents.of(offer, OfferDeclined.class))
			.containsExactly(new OfferDeclined(17L, REFERENCE, "Outside the programme"));
		assertThat(DomainEvents.of(offer, DecisionMade.class)).last()
			.satisfies(d -> assertThat(d.reason()).isEqualTo("Outside the programme"))
			.satisfies(d -> assertThat(d.action()).isEqualTo("DECLINED"));
		assertThatThrownBy(() -> offer.describe(content(), PROVIDER, this.clock))
			.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> offer.withdraw(PROVIDER, this.clock)).isInstanceOf(IllegalTransition.class);
	}

	@Test
	void askingForChangesAndDecliningNeedText() {
		Offer offer = aSubmittedOffer();
		assertThatThrownBy(() -> offer.askForChanges(COORDINATOR, "  ", this.clock))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> offer.decline(COORDINATOR, null, this.clock))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(decisionsOn(offer)).containsExactly("SUBMITTED");
	}

	@Test
	void onlyASubmittedOfferCanBeVetted() {
		for (Offer offer : List.of(aDraft(content()), aPublishedOffer(), aPausedOffer(), anExhaustedOffer(),
				aDeclinedOffer(), aWithdrawnOffer(), anExpiredOffer())) {
			OfferStatus before = offer.getStatus();
			int decisions = decisionsOn(offer).size();
			assertThatThrownBy(() -> offer.publish(COORDINATOR, this.clock)).as("publishing a %s offer", before)
				.isInstanceOf(IllegalTransition.class)
				.satisfies(ex -> assertThat(((IllegalTransition) ex).currentState()).isEqualTo(before.name()));
			assertThatThrownBy(() -> offer.askForChanges(COORDINATOR, "Why?", this.clock))
				.as("asking for changes to a %s offer", before)
				.isInstanceOf(IllegalTransition.class);
			assertThatThrownBy(() -> offer.decline(COORDINATOR, "No", this.clock)).as("declining a %s offer", before)
				.isInstanceOf(IllegalTransition.class);
			assertThat(offer.getStatus()).isEqualTo(before);
			assertThat(decisionsOn(offer)).as("nothing more is logged").hasSize(decisions);
		}
	}

	@Test
	void anOfferWithNoCapacityLeftIsPublishedAsExhausted() {
		Offer offer = aPublishedOffer();
		offer.useCapacity(COORDINATOR, this.clock);
		offer.useCapacity(COORDINATOR, this.clock);
		offer.describe(content(c -> c.capacity(2)), PROVIDER, this.clock);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.EXHAUSTED);
		offer.describe(content(c -> c.capacity(2).areas(List.of("ENFORCEMENT"))), PROVIDER, this.clock);
		assertThat(offer.getStatus()).as("sent back to vetting").isEqualTo(OfferStatus.SUBMITTED);

		offer.publish(COORDINATOR, this.clock);

		assertThat(offer.getStatus()).isEqualTo(OfferStatus.EXHAUSTED);
		assertThat(offer.capacityLeft()).isZero();
		assertThat(DomainEvents.of(offer, OfferPublished.class)).hasSize(2);
		assertThat(DomainEvents.of(offer, DecisionMade.class)).last()
			.satisfies(d -> assertThat(d.action()).isEqualTo("PUBLISHED"))
			.satisfies(d -> assertThat(d.fromState()).isEqualTo("SUBMITTED"))
			.satisfies(d -> assertThat(d.toState()).isEqualTo("EXHAUSTED"));
		assertThatThrownBy(() -> offer.useCapacity(COORDINATOR, this.clock)).isInstanceOf(IllegalTransition.class);
	}

	// --- pausing and withdrawing -----------------------------------------------------------------

	@Test
	void aPublishedOfferIsPausedAndResumed() {
		Offer offer = aPausedOffer();
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PAUSED);
		offer.resume(PROVIDER, this.clock);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(DomainEvents.of(offer, OfferPaused.class)).containsExactly(new OfferPaused(17L, REFERENCE));
		assertThat(DomainEvents.of(offer, OfferResumed.class)).containsExactly(new OfferResumed(17L, REFERENCE));
		assertThat(timelineOf(offer)).containsExactly("SUBMITTED", "PUBLISHED", "PAUSED", "PUBLISHED");
		assertThat(decisionsOn(offer)).containsExactly("SUBMITTED", "PUBLISHED", "PAUSED", "RESUMED");
		assertThat(offer.getTimeline().get(2).getActor()).isEqualTo(PROVIDER);
	}

	@Test
	void onlyAPublishedOfferIsPausedAndOnlyAPausedOneResumed() {
		for (Offer offer : List.of(aDraft(content()), aSubmittedOffer(), aPausedOffer(), anExhaustedOffer(),
				aWithdrawnOffer(), anExpiredOffer())) {
			OfferStatus before = offer.getStatus();
			assertThatThrownBy(() -> offer.pause(PROVIDER, this.clock)).as("pausing a %s offer", before)
				.isInstanceOf(IllegalTransition.class);
			assertThat(offer.getStatus()).isEqualTo(before);
		}
		for (Offer offer : List.of(aDraft(content()), aSubmittedOffer(), aPublishedOffer(), anExhaustedOffer(),
				aWithdrawnOffer(), anExpiredOffer())) {
			OfferStatus before = offer.getStatus();
			assertThatThrownBy(() -> offer.resume(PROVIDER, this.clock)).as("resuming a %s offer", before)
				.isInstanceOf(IllegalTransition.class);
			assertThat(offer.getStatus()).isEqualTo(before);
		}
	}

	@Test
	void aPausedOfferWhoseCapacityWasUsedResumesAsExhausted() {
		Offer offer = aPublishedOffer();
		offer.useCapacity(COORDINATOR, this.clock);
		offer.pause(PROVIDER, this.clock);
		offer.describe(content(c -> c.capacity(1)), PROVIDER, this.clock);
		assertThat(offer.getStatus()).as("a paused offer stays paused").isEqualTo(OfferStatus.PAUSED);
		offer.resume(PROVIDER, this.clock);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.EXHAUSTED);
	}

	@Test
	void anyOfferNotYetEndedCanBeWithdrawnAndThenNothingMoreHappens() {
		for (Offer offer : List.of(aSubmittedOffer(), aPublishedOffer(), aPausedOffer(), anExhaustedOffer())) {
			OfferStatus before = offer.getStatus();
			offer.withdraw(PROVIDER, this.clock);
			assertThat(offer.getStatus()).as("withdrawing a %s offer", before).isEqualTo(OfferStatus.WITHDRAWN);
			assertThat(offer.getTimeline()).last()
				.satisfies(change -> assertThat(change.getFromStatus()).isEqualTo(before))
				.satisfies(change -> assertThat(change.getToStatus()).isEqualTo(OfferStatus.WITHDRAWN));
			assertThat(DomainEvents.of(offer, OfferWithdrawn.class)).hasSize(1);
			assertThat(decisionsOn(offer)).last().isEqualTo("WITHDRAWN");
			assertThatThrownBy(() -> offer.withdraw(PROVIDER, this.clock)).isInstanceOf(IllegalTransition.class);
			assertThatThrownBy(() -> offer.describe(content(), PROVIDER, this.clock))
				.isInstanceOf(IllegalTransition.class);
			assertThatThrownBy(() -> offer.expire(on(LAST_DAY.plusDays(1)))).isInstanceOf(IllegalTransition.class);
		}
	}

	@Test
	void aDraftIsNotWithdrawnButDeletedByItsProvider() {
		Offer draft = aDraft(content());
		assertThatThrownBy(() -> draft.withdraw(PROVIDER, this.clock)).isInstanceOf(IllegalTransition.class);
		assertThat(draft.getStatus()).isEqualTo(OfferStatus.DRAFT);
	}

	@Test
	void aDeclinedOrExpiredOfferCannotBeWithdrawn() {
		for (Offer offer : List.of(aDeclinedOffer(), anExpiredOffer())) {
			OfferStatus before = offer.getStatus();
			assertThatThrownBy(() -> offer.withdraw(PROVIDER, this.clock)).as("withdrawing a %s offer", before)
				.isInstanceOf(IllegalTransition.class);
			assertThat(offer.getStatus()).isEqualTo(before);
		}
	}

	// --- editing and the re-vetting rule ---------------------------------------------------------

	@Test
	void editingTheDescriptionTheWindowOrTheCapacityKeepsAPublishedOfferPublished() {
		Offer offer = aPublishedOffer();
		offer.describe(content(c -> c.title("Border controls").description("A shorter workshop.")), PROVIDER,
				this.clock);
		assertThat(offer.getTitle()).isEqualTo("Border controls");
		offer.describe(content(c -> c.availableFrom(FIRST_DAY.plusMonths(1)).availableUntil(LAST_DAY.plusMonths(6))),
				PROVIDER, this.clock);
		assertThat(offer.getAvailableUntil()).isEqualTo(LAST_DAY.plusMonths(6));
		offer.describe(content(c -> c.capacity(5).modalities(List.of(Modality.WORKSHOP, Modality.STUDY_VISIT))
			.expertsCount(3)), PROVIDER, this.clock);

		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(offer.capacityLeft()).isEqualTo(5);
		assertThat(DomainEvents.of(offer, OfferSentBackToVetting.class)).isEmpty();
		assertThat(timelineOf(offer)).containsExactly("SUBMITTED", "PUBLISHED");
		assertThat(decisionsOn(offer)).containsExactly("SUBMITTED", "PUBLISHED");
	}

	@Test
	void editingTheAreasTheLanguagesTheReachOrTheFundingSendsAPublishedOfferBackToVetting() {
		List<OfferContent> changes = List.of(content(c -> c.areas(List.of("ENFORCEMENT"))),
				content(c -> c.workingLanguages(List.of("en"))),
				content(c -> c.reach(Reach.REGIONS).reachRegions(List.of("Africa"))),
				content(c -> c.funding(OfferFunding.NEEDS_FUNDING)));
		for (OfferContent changed : changes) {
			Offer offer = aPublishedOffer();
			offer.describe(changed, PROVIDER, this.clock);
			assertThat(offer.getStatus()).as("after %s", changed).isEqualTo(OfferStatus.SUBMITTED);
			assertThat(DomainEvents.of(offer, OfferSentBackToVetting.class))
				.containsExactly(new OfferSentBackToVetting(17L, REFERENCE));
			assertThat(DomainEvents.of(offer, DecisionMade.class)).last()
				.isEqualTo(new DecisionMade(this.clock.instant(), PROVIDER, Offer.SUBJECT, REFERENCE,
						"SENT_BACK_TO_VETTING", "PUBLISHED", "SUBMITTED", null));
			assertThat(timelineOf(offer)).containsExactly("SUBMITTED", "PUBLISHED", "SUBMITTED");
		}
	}

	@Test
	void aChangeOfTheRegionsOrParticipantsReachedAlsoSendsItBackToVetting() {
		Offer toRegions = aSubmittedOffer();
		toRegions.describe(content(c -> c.reach(Reach.REGIONS).reachRegions(List.of("Africa"))), PROVIDER,
				this.clock);
		toRegions.publish(COORDINATOR, this.clock);
		toRegions.describe(content(c -> c.reach(Reach.REGIONS).reachRegions(List.of("Africa", "Asia"))), PROVIDER,
				this.clock);
		assertThat(toRegions.getStatus()).isEqualTo(OfferStatus.SUBMITTED);

		Offer toParticipants = aSubmittedOffer();
		toParticipants.describe(content(c -> c.reach(Reach.PARTICIPANTS).reachParticipants(List.of("SL"))), PROVIDER,
				this.clock);
		toParticipants.publish(COORDINATOR, this.clock);
		toParticipants.describe(content(c -> c.reach(Reach.PARTICIPANTS).reachParticipants(List.of("SL", "LR"))),
				PROVIDER, this.clock);
		assertThat(toParticipants.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
	}

	@Test
	void pausedAndExhaustedOffersAreSentBackToVettingToo() {
		Offer paused = aPausedOffer();
		paused.describe(content(c -> c.funding(OfferFunding.PARTLY_FUNDED)), PROVIDER, this.clock);
		assertThat(paused.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(decisionsOn(paused)).last().isEqualTo("SENT_BACK_TO_VETTING");

		Offer exhausted = anExhaustedOffer();
		exhausted.describe(content(c -> c.workingLanguages(List.of("fr"))), PROVIDER, this.clock);
		assertThat(exhausted.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(DomainEvents.of(exhausted, OfferSentBackToVetting.class)).hasSize(1);
	}

	@Test
	void anOfferNotYetVettedIsEditedWithoutAnyMove() {
		Offer submitted = aSubmittedOffer();
		submitted.describe(content(c -> c.areas(List.of("STATISTICS"))), PROVIDER, this.clock);
		assertThat(submitted.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
		assertThat(submitted.getExpertiseAreas()).containsExactly("STATISTICS");
		assertThat(timelineOf(submitted)).containsExactly("SUBMITTED");
		assertThat(DomainEvents.of(submitted, OfferSentBackToVetting.class)).isEmpty();

		Offer draft = aDraft(content());
		draft.describe(content(c -> c.funding(OfferFunding.NEEDS_FUNDING)), PROVIDER, this.clock);
		assertThat(draft.getStatus()).isEqualTo(OfferStatus.DRAFT);
		assertThat(DomainEvents.of(draft, Object.class)).isEmpty();
	}

	// --- capacity --------------------------------------------------------------------------------

	@Test
	void usingTheLastEngagementExhaustsTheOffer() {
		Offer offer = aPublishedOffer();
		offer.useCapacity(COORDINATOR, this.clock);
		offer.useCapacity(COORDINATOR, this.clock);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(offer.capacityLeft()).isEqualTo(1);
		offer.useCapacity(COORDINATOR, this.clock);

		assertThat(offer.getStatus()).isEqualTo(OfferStatus.EXHAUSTED);
		assertThat(offer.capacityLeft()).isZero();
		assertThat(offer.getCapacityUsed()).isEqualTo(3);
		assertThat(DomainEvents.of(offer, OfferCapacityChanged.class)).containsExactly(
				new OfferCapacityChanged(17L, REFERENCE, 2), new OfferCapacityChanged(17L, REFERENCE, 1),
				new OfferCapacityChanged(17L, REFERENCE, 0));
		assertThat(timelineOf(offer)).containsExactly("SUBMITTED", "PUBLISHED", "EXHAUSTED");
		assertThat(DomainEvents.of(offer, DecisionMade.class)).last()
			.isEqualTo(new DecisionMade(this.clock.instant(), COORDINATOR, Offer.SUBJECT, REFERENCE, "EXHAUSTED",
					"PUBLISHED", "EXHAUSTED", null));
	}

	@Test
	void releasingAnEngagementPublishesAnExhaustedOfferAgain() {
		Offer offer = anExhaustedOffer();
		offer.releaseCapacity(COORDINATOR, this.clock);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(offer.capacityLeft()).isEqualTo(1);
		assertThat(DomainEvents.of(offer, OfferCapacityChanged.class)).last()
			.isEqualTo(new OfferCapacityChanged(17L, REFERENCE, 1));
		assertThat(timelineOf(offer)).containsExactly("SUBMITTED", "PUBLISHED", "EXHAUSTED", "PUBLISHED");
		assertThat(decisionsOn(offer)).containsExactly("SUBMITTED", "PUBLISHED", "EXHAUSTED", "CAPACITY_CHANGED");

		offer.releaseCapacity(COORDINATOR, this.clock);
		assertThat(offer.getStatus()).as("a published offer only gains capacity").isEqualTo(OfferStatus.PUBLISHED);
		assertThat(offer.capacityLeft()).isEqualTo(2);
		assertThat(timelineOf(offer)).hasSize(4);
	}

	@Test
	void capacityNeverGoesBelowZeroNorAboveTheTotal() {
		Offer exhausted = anExhaustedOffer();
		assertThatThrownBy(() -> exhausted.useCapacity(COORDINATOR, this.clock)).isInstanceOf(IllegalTransition.class);
		assertThat(exhausted.capacityLeft()).isZero();

		Offer published = aPublishedOffer();
		assertThatThrownBy(() -> published.releaseCapacity(COORDINATOR, this.clock))
			.isInstanceOf(IllegalTransition.class);
		assertThat(published.capacityLeft()).isEqualTo(3);
		assertThat(published.getCapacityUsed()).isZero();
		assertThat(DomainEvents.of(published, OfferCapacityChanged.class)).isEmpty();
	}

	@Test
	void capacityIsOnlyUsedOnAPublishedOffer() {
		for (Offer offer : List.of(aDraft(content()), aSubmittedOffer(), aPausedOffer(), aWithdrawnOffer(),
				anExpiredOffer())) {
			OfferStatus before = offer.getStatus();
			assertThatThrownBy(() -> offer.useCapacity(COORDINATOR, this.clock)).as("using a %s offer", before)
				.isInstanceOf(IllegalTransition.class);
			assertThat(offer.getCapacityUsed()).isZero();
		}
	}

	@Test
	void theCapacityCannotBeSetBelowWhatIsUsed() {
		Offer offer = aPublishedOffer();
		offer.useCapacity(COORDINATOR, this.clock);
		offer.useCapacity(COORDINATOR, this.clock);
		assertThatThrownBy(() -> offer.describe(content(c -> c.capacity(1)), PROVIDER, this.clock))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(offer.getCapacity()).isEqualTo(3);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
	}

	@Test
	void settingTheCapacityToWhatIsUsedExhaustsTheOfferAndRaisingItPublishesItAgain() {
		Offer offer = aPublishedOffer();
		offer.useCapacity(COORDINATOR, this.clock);
		offer.describe(content(c -> c.capacity(1)), PROVIDER, this.clock);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.EXHAUSTED);
		assertThat(DomainEvents.of(offer, OfferCapacityChanged.class)).last()
			.isEqualTo(new OfferCapacityChanged(17L, REFERENCE, 0));

		offer.describe(content(c -> c.capacity(4)), PROVIDER, this.clock);
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(offer.capacityLeft()).isEqualTo(3);
		assertThat(DomainEvents.of(offer, OfferCapacityChanged.class)).last()
			.isEqualTo(new OfferCapacityChanged(17L, REFERENCE, 3));
		assertThat(timelineOf(offer)).containsExactly("SUBMITTED", "PUBLISHED", "EXHAUSTED", "PUBLISHED");
		assertThat(decisionsOn(offer)).containsExactly("SUBMITTED", "PUBLISHED", "CAPACITY_CHANGED",
				"CAPACITY_CHANGED");
	}

	// --- expiry ----------------------------------------------------------------------------------

	@Test
	void anOfferExpiresOnlyTheDayAfterItsLastDay() {
		Offer offer = aPublishedOffer();
		assertThatThrownBy(() -> offer.expire(on(LAST_DAY))).as("on its last day")
			.isInstanceOf(IllegalTransition.class);
		Clock lastMoment = Clock.fixed(LAST_DAY.atTime(23, 59, 59).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		assertThatThrownBy(() -> offer.expire(lastMoment)).as("at the last second of its last day")
			.isInstanceOf(IllegalTransition.class);
		assertThat(offer.isPast(LAST_DAY)).isFalse();
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);

		Clock dayAfter = on(LAST_DAY.plusDays(1));
		offer.expire(dayAfter);

		assertThat(offer.isPast(LAST_DAY.plusDays(1))).isTrue();
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.EXPIRED);
		assertThat(offer.getStatusChangedAt()).isEqualTo(dayAfter.instant());
		assertThat(DomainEvents.of(offer, OfferExpired.class)).containsExactly(new OfferExpired(17L, REFERENCE));
		assertThat(DomainEvents.of(offer, DecisionMade.class)).last()
			.isEqualTo(new DecisionMade(dayAfter.instant(), DecisionMade.SYSTEM, Offer.SUBJECT, REFERENCE, "EXPIRED",
					"PUBLISHED", "EXPIRED", null));
		assertThat(offer.getTimeline()).last()
			.satisfies(change -> assertThat(change.getActor()).isEqualTo(DecisionMade.SYSTEM))
			.satisfies(change -> assertThat(change.getToStatus()).isEqualTo(OfferStatus.EXPIRED));
	}

	@Test
	void everyVettedOrWaitingOfferExpiresOnceItsWindowHasPassed() {
		Offer changesAsked = aSubmittedOffer();
		changesAsked.askForChanges(COORDINATOR, "Which posts?", this.clock);
		for (Offer offer : List.of(aSubmittedOffer(), changesAsked, aPublishedOffer(), aPausedOffer(),
				anExhaustedOffer())) {
			OfferStatus before = offer.getStatus();
			offer.expire(on(LAST_DAY.plusDays(1)));
			assertThat(offer.getStatus()).as("expiring a %s offer", before).isEqualTo(OfferStatus.EXPIRED);
			assertThat(offer.getTimeline()).last()
				.satisfies(change -> assertThat(change.getFromStatus()).isEqualTo(before));
		}
	}

	@Test
	void draftsFinalOffersAndOffersWithoutAnEndNeverExpire() {
		Clock muchLater = on(LAST_DAY.plusYears(5));
		for (Offer offer : List.of(aDraft(content()), aDeclinedOffer(), aWithdrawnOffer(), anExpiredOffer())) {
			OfferStatus before = offer.getStatus();
			int decisions = decisionsOn(offer).size();
			assertThatThrownBy(() -> offer.expire(muchLater)).as("expiring a %s offer", before)
				.isInstanceOf(IllegalTransition.class);
			assertThat(offer.getStatus()).isEqualTo(before);
			assertThat(decisionsOn(offer)).hasSize(decisions);
		}
		Offer openEnded = aDraft(content(c -> c.availableUntil(null)));
		openEnded.submit(OfferReference.of(2026, 42), PROVIDER, this.clock);
		openEnded.publish(COORDINATOR, this.clock);
		assertThatThrownBy(() -> openEnded.expire(muchLater)).isInstanceOf(IllegalTransition.class);
		assertThat(openEnded.isPast(LAST_DAY.plusYears(50))).isFalse();
	}

	// --- availability by month -------------------------------------------------------------------

	@Test
	void anOfferIsAvailableInEveryMonthItsWindowTouches() {
		Offer offer = aDraft(content(c -> c.availableFrom(LocalDate.of(2026, 12, 31))
			.availableUntil(LocalDate.of(2027, 3, 1))));
		assertThat(offer.availableIn(LocalDate.of(2026, 11, 1))).isFalse();
		assertThat(offer.availableIn(LocalDate.of(2026, 12, 1))).as("its first day is the month's last").isTrue();
		assertThat(offer.availableIn(LocalDate.of(2027, 2, 1))).isTrue();
		assertThat(offer.availableIn(LocalDate.of(2027, 3, 1))).as("its last day is the month's first").isTrue();
		assertThat(offer.availableIn(LocalDate.of(2027, 4, 1))).isFalse();
	}

	@Test
	void anOpenEndedWindowIsAvailableFromItsStartOnAndAnOpenStartUntilItsEnd() {
		Offer openEnd = aDraft(content(c -> c.availableFrom(LocalDate.of(2027, 1, 15)).availableUntil(null)));
		assertThat(openEnd.availableIn(LocalDate.of(2026, 12, 1))).isFalse();
		assertThat(openEnd.availableIn(LocalDate.of(2027, 1, 1))).isTrue();
		assertThat(openEnd.availableIn(LocalDate.of(2040, 6, 1))).isTrue();

		Offer openStart = aDraft(content(c -> c.availableFrom(null).availableUntil(LocalDate.of(2027, 1, 15))));
		assertThat(openStart.availableIn(LocalDate.of(2000, 1, 1))).isTrue();
		assertThat(openStart.availableIn(LocalDate.of(2027, 1, 1))).isTrue();
		assertThat(openStart.availableIn(LocalDate.of(2027, 2, 1))).isFalse();

		Offer always = aDraft(content(c -> c.availableFrom(null).availableUntil(null)));
		assertThat(always.availableIn(LocalDate.of(2031, 8, 1))).isTrue();
	}

	/** Changes some parts of an offer's content and keeps the others. */
	static final class Builder {

		private String title;

		private String description;

		private List<String> areas;

		private List<Modality> modalities;

		private List<String> workingLanguages;

		private Reach reach;

		private List<String> reachRegions;

		private List<String> reachParticipants;

		private LocalDate availableFrom;

		private LocalDate availableUntil;

		private Integer capacity;

		private OfferFunding funding;

		private Integer expertsCount;

		private String expertsSeniority;

		private List<String> expertsLanguages;

		private List<String> conflictParticipants;

		private String conflictReason;

		Builder(OfferContent from) {
			this.title = from.title();
			this.description = from.description();
			this.areas = from.areas();
			this.modalities = from.modalities();
			this.workingLanguages = from.workingLanguages();
			this.reach = from.reach();
			this.reachRegions = from.reachRegions();
			this.reachParticipants = from.reachParticipants();
			this.availableFrom = from.availableFrom();
			this.availableUntil = from.availableUntil();
			this.capacity = from.capacity();
			this.funding = from.funding();
			this.expertsCount = from.expertsCount();
			this.expertsSeniority = from.expertsSeniority();
			this.expertsLanguages = from.expertsLanguages();
			this.conflictParticipants = from.conflictParticipants();
			this.conflictReason = from.conflictReason();
		}

		Builder title(String value) {
			this.title = value;
			return this;
		}

		Builder description(String value) {
			this.description = value;
			return this;
		}

		Builder areas(List<String> value) {
			this.areas = value;
			return this;
		}

		Builder modalities(List<Modality> value) {
			this.modalities = value;
			return this;
		}

		Builder workingLanguages(List<String> value) {
			this.workingLanguages = value;
			return this;
		}

		Builder reach(Reach value) {
			this.reach = value;
			return this;
		}

		Builder reachRegions(List<String> value) {
			this.reachRegions = value;
			return this;
		}

		Builder reachParticipants(List<String> value) {
			this.reachParticipants = value;
			return this;
		}

		Builder availableFrom(LocalDate value) {
			this.availableFrom = value;
			return this;
		}

		Builder availableUntil(LocalDate value) {
			this.availableUntil = value;
			return this;
		}

		Builder capacity(Integer value) {
			this.capacity = value;
			return this;
		}

		Builder funding(OfferFunding value) {
			this.funding = value;
			return this;
		}

		Builder expertsCount(Integer value) {
			this.expertsCount = value;
			return this;
		}

		Builder expertsSeniority(String value) {
			this.expertsSeniority = value;
			return this;
		}

		OfferContent build() {
			return new OfferContent(this.title, this.description, this.areas, this.modalities, this.workingLanguages,
					this.reach, this.reachRegions, this.reachParticipants, this.availableFrom, this.availableUntil,
					this.capacity, this.funding, this.expertsCount, this.expertsSeniority, this.expertsLanguages,
					this.conflictParticipants, this.conflictReason);
		}
	}
}
