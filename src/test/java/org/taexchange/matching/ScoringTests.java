package org.taexchange.matching;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.taexchange.matching.Assessment.ScoredPart;
import org.taexchange.matching.Instances.OfferBuilder;
import org.taexchange.matching.Instances.RequestBuilder;
import org.taexchange.matching.MatchingSettings.Weights;
import org.taexchange.offers.OfferFunding;
import org.taexchange.offers.OfferStatus;
import org.taexchange.offers.Reach;
import org.taexchange.participants.Modality;
import org.taexchange.requests.Funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.taexchange.matching.Instances.offer;
import static org.taexchange.matching.Instances.request;

/**
 * The score of DESIGN §3 with the default weights (expertise 35, modality 10, language 15, timing 15,
 * funding 10, record 5, region 10), each part rounded to whole points. The default request (Sierra Leone,
 * valuation, workshop, English, no window, can co-fund) and the default offer (valuation, workshop,
 * English, to all, always available, fully funded, provider based in Sierra Leone) fit fully except for
 * the provider's record: a new provider's record is neutral, 5 × 0.5 = 2.5, rounded to 3; hence 98.
 */
class ScoringTests {

	private final Scoring scoring = new Scoring(Weights.DEFAULT);

	private static LocalDate day(int month, int day) {
		return LocalDate.of(2027, month, day);
	}

	/** Assesses the pair, checking on the way that the fast path agrees with the explained one. */
	private Assessment assess(RequestBuilder request, OfferBuilder offer, ProviderRecord record) {
		Vocabulary words = Instances.vocabulary();
		Demand demand = request.demand(words);
		Supply supply = offer.supply(words);
		Assessment assessment = this.scoring.assess(demand, supply, record);
		assertThat(this.scoring.total(demand, supply, record))
			.isEqualTo(assessment.isExcluded() ? -1 : assessment.total());
		return assessment;
	}

	private Assessment assess(RequestBuilder request, OfferBuilder offer) {
		return assess(request, offer, ProviderRecord.NONE);
	}

	private static ScoredPart part(Assessment assessment, Part part) {
		assertThat(assessment.isExcluded()).as("excluded by %s", assessment.exclusions()).isFalse();
		return assessment.parts().stream().filter(scored -> scored.part() == part).findFirst().orElseThrow();
	}

	private ScoredPart part(RequestBuilder request, OfferBuilder offer, Part part) {
		return part(assess(request, offer), part);
	}

	// --- the whole score ---------------------------------------------------------------------------

	@Test
	void aFullFitFromANewProviderScores98PartByPart() {
		Assessment assessment = assess(request(), offer());

		assertThat(assessment.isExcluded()).isFalse();
		assertThat(assessment.exclusions()).isEmpty();
		assertThat(assessment.parts()).extracting(ScoredPart::part, ScoredPart::points, ScoredPart::max)
			.containsExactly(tuple(Part.EXPERTISE, 35, 35), tuple(Part.MODALITY, 10, 10),
					tuple(Part.LANGUAGE, 15, 15), tuple(Part.TIMING, 15, 15), tuple(Part.FUNDING, 10, 10),
					tuple(Part.RECORD, 3, 5), tuple(Part.REGION, 10, 10));
		assertThat(assessment.total()).isEqualTo(98);
	}

	@Test
	void aFullFitFromAProviderWithAGoodRecordScores100() {
		// record share (9 + 1) / (9 + 0 + 2) = 0.909, × 5 = 4.55, rounded to 5
		assertThat(assess(request(), offer(), new ProviderRecord(9, 0)).total()).isEqualTo(100);
	}

	@Test
	void weightsComeFromConfiguration() {
		Scoring custom = new Scoring(new Weights(40, 10, 10, 10, 10, 10, 10));
		Vocabulary words = Instances.vocabulary();
		Demand demand = request().demand(words);
		Supply supply = offer().supply(words);

		// 40 + 10 + 10 + 10 + 10 + 10 × 0.5 + 10
		assertThat(custom.total(demand, supply, ProviderRecord.NONE)).isEqualTo(95);
		assertThat(custom.assess(demand, supply, ProviderRecord.NONE).parts()).extracting(ScoredPart::max)
			.containsExactly(40, 10, 10, 10, 10, 10, 10);
	}

	@Test
	void weightsMustAddUpTo100AndNotBeNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Weights(35, 10, 15, 15, 10, 5, 11))
			.withMessageContaining("101");
		assertThatIllegalArgumentException().isThrownBy(() -> new Weights(45, 10, 15, 15, 10, -5, 10));
	}

	// --- expertise ---------------------------------------------------------------------------------

	@Test
	void anOfferCoveringTheOnlyRequestedAreaEarnsAllExpertisePoints() {
		ScoredPart expertise = part(request(), offer().areas("VALUATION", "MINING"), Part.EXPERTISE);

		assertThat(expertise.points()).isEqualTo(35);
		assertThat(expertise.reason())
			.isEqualTo(Reason.of("match.part.expertise.primary", "n:1", "n:1", "area:VALUATION"));
	}

	@Test
	void primaryAreaWeighsMostInExpertise() {
		RequestBuilder request = request().areas("VALUATION", "VALUATION", "STATISTICS", "MINING", "TRACEABILITY");

		// the primary alone: 0.6 × 35 = 21; the three others without the primary: 0.4 × 35 = 14
		ScoredPart primaryOnly = part(request, offer().areas("VALUATION"), Part.EXPERTISE);
		ScoredPart othersOnly = part(request, offer().areas("STATISTICS", "MINING", "TRACEABILITY"), Part.EXPERTISE);

		assertThat(primaryOnly.points()).isEqualTo(21);
		assertThat(primaryOnly.reason())
			.isEqualTo(Reason.of("match.part.expertise.primary", "n:1", "n:4", "area:VALUATION"));
		assertThat(othersOnly.points()).isEqualTo(14);
		assertThat(othersOnly.reason())
			.isEqualTo(Reason.of("match.part.expertise.notPrimary", "n:3", "n:4", "area:VALUATION"));
	}

	@Test
	void otherAreasCountInProportionToThoseCovered() {
		RequestBuilder request = request().areas("VALUATION", "VALUATION", "STATISTICS", "MINING", "TRACEABILITY");

		// (0.6 + 0.4 × 1/3) × 35 = 25.67 -> 26
		ScoredPart primaryAndOne = part(request, offer().areas("VALUATION", "STATISTICS"), Part.EXPERTISE);
		// 0.4 × 1/3 × 35 = 4.67 -> 5
		ScoredPart oneOther = part(request, offer().areas("STATISTICS"), Part.EXPERTISE);
		// (0.6 + 0.4 × 2/3) × 35 = 30.33 -> 30
		ScoredPart primaryAndTwo = part(request, offer().areas("MINING", "VALUATION", "TRACEABILITY"),
				Part.EXPERTISE);
		ScoredPart all = part(request, offer().areas("TRACEABILITY", "MINING", "STATISTICS", "VALUATION"),
				Part.EXPERTISE);

		assertThat(primaryAndOne.points()).isEqualTo(26);
		assertThat(primaryAndOne.reason())
			.isEqualTo(Reason.of("match.part.expertise.primary", "n:2", "n:4", "area:VALUATION"));
		assertThat(oneOther.points()).isEqualTo(5);
		assertThat(oneOther.reason())
			.isEqualTo(Reason.of("match.part.expertise.notPrimary", "n:1", "n:4", "area:VALUATION"));
		assertThat(primaryAndTwo.points()).isEqualTo(30);
		assertThat(all.points()).isEqualTo(35);
		assertThat(assess(request, offer().areas("VALUATION", "STATISTICS")).total()).isEqualTo(26 + 63);
	}

	@Test
	void halfTheOtherAreasWithThePrimaryEarn80Percent() {
		RequestBuilder request = request().areas("VALUATION", "VALUATION", "STATISTICS", "MINING");

		// (0.6 + 0.4 × 1/2) × 35 = 28
		assertThat(part(request, offer().areas("VALUATION", "MINING"), Part.EXPERTISE).points()).isEqualTo(28);
	}

	@Test
	void aPrimaryAreaMissingFromTheListOfAreasStillCountsAsRequested() {
		RequestBuilder request = request().areas("VALUATION", "STATISTICS");

		ScoredPart both = part(request, offer().areas("VALUATION", "STATISTICS"), Part.EXPERTISE);
		ScoredPart primary = part(request, offer().areas("VALUATION"), Part.EXPERTISE);

		assertThat(both.points()).isEqualTo(35);
		assertThat(both.reason())
			.isEqualTo(Reason.of("match.part.expertise.primary", "n:2", "n:2", "area:VALUATION"));
		assertThat(primary.points()).isEqualTo(21);
	}

	// --- modality ----------------------------------------------------------------------------------

	@Test
	void anOfferWorkingInOneOfThePreferredWaysEarnsAllModalityPoints() {
		ScoredPart modality = part(request().modalities(Modality.WORKSHOP, Modality.STUDY_VISIT),
				offer().modalities(Modality.REMOTE_ADVISORY, Modality.STUDY_VISIT), Part.MODALITY);

		assertThat(modality.points()).isEqualTo(10);
		assertThat(modality.reason()).isEqualTo(Reason.of("match.part.modality.shared", "modality*:STUDY_VISIT"));
	}

	@Test
	void anOfferWorkingInNoneOfThePreferredWaysEarnsNoModalityPoints() {
		ScoredPart modality = part(request().modalities(Modality.WORKSHOP, Modality.STUDY_VISIT),
				offer().modalities(Modality.REMOTE_ADVISORY, Modality.EXPERT_MISSION), Part.MODALITY);

		assertThat(modality.points()).isZero();
		assertThat(modality.reason())
			.isEqualTo(Reason.of("match.part.modality.none", "modality*:REMOTE_ADVISORY,EXPERT_MISSION"));
		assertThat(assess(request().modalities(Modality.WORKSHOP), offer().modalities(Modality.REMOTE_ADVISORY))
			.total()).isEqualTo(88);
	}

	@Test
	void aRequestWithoutPreferredModalitiesTakesAnyWayOfWorking() {
		ScoredPart modality = part(request().modalities(), offer().modalities(Modality.DOCUMENTS_AND_TOOLS),
				Part.MODALITY);

		assertThat(modality.points()).isEqualTo(10);
		assertThat(modality.reason()).isEqualTo(Reason.of("match.part.modality.any"));
	}

	// --- language ----------------------------------------------------------------------------------

	@Test
	void languagePointsFollowTheShareOfRequestedLanguagesSpoken() {
		// 2/3 × 15 = 10
		ScoredPart twoOfThree = part(request().languages("en", "fr", "pt"), offer().languages("fr", "en"),
				Part.LANGUAGE);
		// 1/2 × 15 = 7.5, rounded half up to 8
		ScoredPart oneOfTwo = part(request().languages("en", "fr"), offer().languages("fr", "ar"), Part.LANGUAGE);

		assertThat(twoOfThree.points()).isEqualTo(10);
		assertThat(twoOfThree.reason()).isEqualTo(Reason.of("match.part.language.some", "lang*:en,fr", "lang*:pt"));
		assertThat(oneOfTwo.points()).isEqualTo(8);
		assertThat(oneOfTwo.reason()).isEqualTo(Reason.of("match.part.language.some", "lang*:fr", "lang*:en"));
	}

	@Test
	void anOfferSpeakingEveryRequestedLanguageEarnsAllLanguagePoints() {
		ScoredPart language = part(request().languages("fr", "en"), offer().languages("en", "pt", "fr"),
				Part.LANGUAGE);

		assertThat(language.points()).isEqualTo(15);
		assertThat(language.reason()).isEqualTo(Reason.of("match.part.language.shared", "lang*:fr,en"));
	}

	@Test
	void aRequestWithoutWorkingLanguagesTakesAnyLanguage() {
		Assessment assessment = assess(request().languages(), offer().languages("ar"));

		assertThat(part(assessment, Part.LANGUAGE).points()).isEqualTo(15);
		assertThat(part(assessment, Part.LANGUAGE).reason()).isEqualTo(Reason.of("match.part.language.any"));
		assertThat(assessment.total()).isEqualTo(98);
	}

	// --- timing ------------------------------------------------------------------------------------

	@Test
	void anOfferAvailableFor80PercentOfTheRequestedWindowEarns80PercentOfTimingPoints() {
		// requested 1–10 March (10 days), offer from 3 March: 8 days, 0.8 × 15 = 12
		Assessment assessment = assess(request().window(day(3, 1), day(3, 10)),
				offer().available(day(3, 3), day(6, 30)));

		assertThat(part(assessment, Part.TIMING).points()).isEqualTo(12);
		assertThat(part(assessment, Part.TIMING).reason()).isEqualTo(Reason.of("match.part.timing.share", "n:80"));
		assertThat(assessment.total()).isEqualTo(95);
	}

	@Test
	void anOfferAvailableWithinPartOfTheRequestedWindowEarnsThatShare() {
		// requested 1–20 April (20 days), offer 6–9 April: 4 days, 0.2 × 15 = 3
		ScoredPart timing = part(request().window(day(4, 1), day(4, 20)), offer().available(day(4, 6), day(4, 9)),
				Part.TIMING);

		assertThat(timing.points()).isEqualTo(3);
		assertThat(timing.reason()).isEqualTo(Reason.of("match.part.timing.share", "n:20"));
	}

	@Test
	void anOfferWithOneOpenEndIsAvailableUpToItsOtherEnd() {
		// requested 1–10 March, offer until 5 March: 5 days, 0.5 × 15 = 7.5 -> 8
		ScoredPart until = part(request().window(day(3, 1), day(3, 10)), offer().available(null, day(3, 5)),
				Part.TIMING);
		// offer from 8 March: 3 days, 0.3 × 15 = 4.5 -> 5
		ScoredPart from = part(request().window(day(3, 1), day(3, 10)), offer().available(day(3, 8), null),
				Part.TIMING);

		assertThat(until.points()).isEqualTo(8);
		assertThat(until.reason()).isEqualTo(Reason.of("match.part.timing.share", "n:50"));
		assertThat(from.points()).isEqualTo(5);
		assertThat(from.reason()).isEqualTo(Reason.of("match.part.timing.share", "n:30"));
	}

	@Test
	void anOfferAlwaysAvailableCoversTheWholeRequestedWindow() {
		ScoredPart timing = part(request().window(day(3, 1), day(3, 10)), offer().available(null, null),
				Part.TIMING);

		assertThat(timing.points()).isEqualTo(15);
		assertThat(timing.reason()).isEqualTo(Reason.of("match.part.timing.always"));
	}

	@Test
	void aRequestWithAnOpenWindowIsFullyServedByAnyOverlappingOffer() {
		// from 1 March, open-ended; the offer overlaps it on 1 March only
		ScoredPart openEnd = part(request().window(day(3, 1), null), offer().available(day(1, 1), day(3, 1)),
				Part.TIMING);
		ScoredPart noWindow = part(request().window(null, null), offer().available(day(5, 1), day(5, 2)),
				Part.TIMING);

		assertThat(openEnd.points()).isEqualTo(15);
		assertThat(openEnd.reason()).isEqualTo(Reason.of("match.part.timing.open"));
		assertThat(noWindow.points()).isEqualTo(15);
		assertThat(noWindow.reason()).isEqualTo(Reason.of("match.part.timing.open"));
	}

	@Test
	void windowsTouchingOnOneDayOverlap() {
		// requested 1–10 March, offer until 1 March: 1 day, 0.1 × 15 = 1.5 -> 2
		Assessment assessment = assess(request().window(day(3, 1), day(3, 10)), offer().available(null, day(3, 1)));

		assertThat(part(assessment, Part.TIMING).points()).isEqualTo(2);
		assertThat(part(assessment, Part.TIMING).reason()).isEqualTo(Reason.of("match.part.timing.share", "n:10"));
	}

	// --- funding -----------------------------------------------------------------------------------

	@ParameterizedTest(name = "request {0}, offer {1}: {2} points")
	@CsvSource(nullValues = "null", value = { "NEEDS_FULL_FUNDING, FULLY_FUNDED, 10", "CAN_CO_FUND, FULLY_FUNDED, 10",
			"IN_KIND, FULLY_FUNDED, 10", "null, FULLY_FUNDED, 10", "NEEDS_FULL_FUNDING, PARTLY_FUNDED, 3",
			"CAN_CO_FUND, PARTLY_FUNDED, 8", "IN_KIND, PARTLY_FUNDED, 6", "null, PARTLY_FUNDED, 5",
			"NEEDS_FULL_FUNDING, NEEDS_FUNDING, 0", "CAN_CO_FUND, NEEDS_FUNDING, 3", "IN_KIND, NEEDS_FUNDING, 2",
			"null, NEEDS_FUNDING, 5", "NEEDS_FULL_FUNDING, null, 5", "CAN_CO_FUND, null, 5", "IN_KIND, null, 5",
			"null, null, 5" })
	void fundingPointsFollowTheMatrix(Funding request, OfferFunding offer, int points) {
		Assessment assessment = assess(request().funding(request), offer().funding(offer));

		assertThat(part(assessment, Part.FUNDING).points()).isEqualTo(points);
		assertThat(part(assessment, Part.FUNDING).reason()).isEqualTo(Reason.of("match.part.funding",
				"msg:offerFunding." + offer, "msg:match.requestFunding." + request));
		assertThat(assessment.total()).isEqualTo(88 + points);
	}

	// --- the provider's record ---------------------------------------------------------------------

	@Test
	void aProviderWithoutHistoryGetsANeutralRecord() {
		ScoredPart record = part(assess(request(), offer(), ProviderRecord.NONE), Part.RECORD);

		assertThat(record.points()).isEqualTo(3);
		assertThat(record.reason()).isEqualTo(Reason.of("match.part.record.none"));
	}

	@Test
	void theRecordMovesTowardsTheShareOfEngagementsCompleted() {
		// (8 + 1) / (8 + 0 + 2) × 5 = 4.5 -> 5
		ScoredPart good = part(assess(request(), offer(), new ProviderRecord(8, 0)), Part.RECORD);
		// (0 + 1) / (0 + 4 + 2) × 5 = 0.83 -> 1
		ScoredPart poor = part(assess(request(), offer(), new ProviderRecord(0, 4)), Part.RECORD);
		// (3 + 1) / (3 + 3 + 2) × 5 = 2.5 -> 3, as neutral as no history
		ScoredPart even = part(assess(request(), offer(), new ProviderRecord(3, 3)), Part.RECORD);
		// (1 + 1) / (1 + 4 + 2) × 5 = 1.43 -> 1
		ScoredPart mostlyDeclined = part(assess(request(), offer(), new ProviderRecord(1, 4)), Part.RECORD);

		assertThat(good.points()).isEqualTo(5);
		assertThat(good.reason()).isEqualTo(Reason.of("match.part.record.history", "n:8", "n:0"));
		assertThat(poor.points()).isEqualTo(1);
		assertThat(poor.reason()).isEqualTo(Reason.of("match.part.record.history", "n:0", "n:4"));
		assertThat(even.points()).isEqualTo(3);
		assertThat(mostlyDeclined.points()).isEqualTo(1);
	}

	// --- region ------------------------------------------------------------------------------------

	@Test
	void anOfferAimedAtTheRequestsRegionEarnsAllRegionPoints() {
		// the provider is based in Angola (SOUTH), the offer aimed at WEST, where Sierra Leone is
		ScoredPart byRegion = part(request(), offer().provider("AO").reachRegions("SOUTH", "WEST"), Part.REGION);
		ScoredPart byParticipants = part(request(), offer().provider("AO").reachParticipants("GN", "SL"),
				Part.REGION);

		assertThat(byRegion.points()).isEqualTo(10);
		assertThat(byRegion.reason()).isEqualTo(Reason.of("match.part.region.aimed", "region*:WEST"));
		assertThat(byParticipants.points()).isEqualTo(10);
		assertThat(byParticipants.reason()).isEqualTo(Reason.of("match.part.region.aimed", "region*:WEST"));
	}

	@Test
	void theBeneficiariesRegionsCountForTheRegion() {
		// requested by Sierra Leone (WEST) for Angola (SOUTH); the offer reaches Angola only
		ScoredPart region = part(request().beneficiaries("AO"), offer().provider("CD").reachParticipants("AO"),
				Part.REGION);

		assertThat(region.points()).isEqualTo(10);
		assertThat(region.reason()).isEqualTo(Reason.of("match.part.region.aimed", "region*:SOUTH"));
	}

	@Test
	void aProviderBasedInTheRequestsRegionEarnsAllRegionPoints() {
		ScoredPart region = part(request(), offer().provider("LR").reach(Reach.ALL), Part.REGION);

		assertThat(region.points()).isEqualTo(10);
		assertThat(region.reason()).isEqualTo(Reason.of("match.part.region.based", "region:WEST"));
	}

	@Test
	void anInternationalProviderEarnsHalfTheRegionPoints() {
		Assessment assessment = assess(request(), offer().provider(null));

		assertThat(part(assessment, Part.REGION).points()).isEqualTo(5);
		assertThat(part(assessment, Part.REGION).reason()).isEqualTo(Reason.of("match.part.region.international"));
		assertThat(assessment.total()).isEqualTo(93);
	}

	@Test
	void aProviderBasedElsewhereEarnsNoRegionPoints() {
		Assessment assessment = assess(request(), offer().provider("AO"));

		assertThat(part(assessment, Part.REGION).points()).isZero();
		assertThat(part(assessment, Part.REGION).reason())
			.isEqualTo(Reason.of("match.part.region.elsewhere", "region:SOUTH"));
		assertThat(assessment.total()).isEqualTo(88);
	}

	// --- the hard filters, one at a time -----------------------------------------------------------

	private void assertExcludedOnlyBy(RequestBuilder request, OfferBuilder offer, Reason reason) {
		Assessment assessment = assess(request, offer);

		assertThat(assessment.isExcluded()).isTrue();
		assertThat(assessment.exclusions()).containsExactly(reason);
		assertThat(assessment.parts()).isEmpty();
		assertThat(assessment.total()).isZero();
		Vocabulary words = Instances.vocabulary();
		Demand demand = request.demand(words);
		Supply supply = offer.supply(words);
		assertThat(Scoring.passes(demand, supply)).isFalse();
		assertThat(this.scoring.total(demand, supply, new ProviderRecord(5, 0))).isEqualTo(-1);
	}

	@Test
	void anOfferNotPublishedIsExcluded() {
		assertExcludedOnlyBy(request(), offer().status(OfferStatus.PAUSED),
				Reason.of("match.excluded.notPublished", "msg:offerState.PAUSED"));
		assertExcludedOnlyBy(request(), offer().status(OfferStatus.SUBMITTED),
				Reason.of("match.excluded.notPublished", "msg:offerState.SUBMITTED"));
	}

	@Test
	void anOfferWithoutCapacityLeftIsExcluded() {
		assertExcludedOnlyBy(request(), offer().capacityLeft(0), Reason.of("match.excluded.noCapacity"));
	}

	@Test
	void anOfferNeitherPublishedNorWithCapacityIsExcludedAsNotPublished() {
		assertExcludedOnlyBy(request(), offer().status(OfferStatus.EXHAUSTED).capacityLeft(0),
				Reason.of("match.excluded.notPublished", "msg:offerState.EXHAUSTED"));
	}

	@Test
	void anOfferSharingNoAreaIsExcluded() {
		assertExcludedOnlyBy(request().areas("VALUATION", "VALUATION", "STATISTICS"),
				offer().areas("MINING", "TRACEABILITY"), Reason.of("match.excluded.noSharedArea"));
	}

	@Test
	void sharingOneOfTheOtherAreasIsEnoughToPass() {
		// 0.4 × 1/1 × 35 = 14
		assertThat(part(request().areas("VALUATION", "VALUATION", "STATISTICS"), offer().areas("STATISTICS"),
				Part.EXPERTISE)
			.points()).isEqualTo(14);
	}

	@Test
	void anOfferSharingNoLanguageIsExcluded() {
		assertExcludedOnlyBy(request().languages("en", "fr"), offer().languages("pt", "ar"),
				Reason.of("match.excluded.noSharedLanguage", "lang*:pt,ar"));
	}

	@Test
	void anOfferAvailableOnlyOutsideTheRequestedWindowIsExcluded() {
		RequestBuilder march = request().window(day(3, 1), day(3, 10));

		assertExcludedOnlyBy(march, offer().available(day(3, 11), day(6, 30)),
				Reason.of("match.excluded.windowsApart"));
		assertExcludedOnlyBy(march, offer().available(null, day(2, 28)), Reason.of("match.excluded.windowsApart"));
		assertExcludedOnlyBy(request().window(day(3, 11), null), offer().available(day(1, 1), day(3, 10)),
				Reason.of("match.excluded.windowsApart"));
	}

	@Test
	void anOfferThatCannotReachEveryBeneficiaryIsExcluded() {
		RequestBuilder request = request().beneficiaries("GN", "AO");

		assertExcludedOnlyBy(request, offer().reachParticipants("SL", "GN"),
				Reason.of("match.excluded.outOfReach", "part*:AO"));
		assertExcludedOnlyBy(request, offer().reachRegions("WEST"),
				Reason.of("match.excluded.outOfReach", "part*:AO"));
		assertExcludedOnlyBy(request, offer().reachParticipants("SL"),
				Reason.of("match.excluded.outOfReach", "part*:GN,AO"));
	}

	@Test
	void withoutBeneficiariesTheOfferMustReachTheRequestingParticipant() {
		assertExcludedOnlyBy(request(), offer().reachRegions("SOUTH"),
				Reason.of("match.excluded.outOfReach", "part*:SL"));
		assertThat(assess(request(), offer().reachParticipants("SL")).isExcluded()).isFalse();
	}

	@Test
	void withBeneficiariesTheOfferNeedNotReachTheRequestingParticipant() {
		assertThat(assess(request().beneficiaries("AO", "NA"), offer().reachRegions("SOUTH")).isExcluded()).isFalse();
	}

	@Test
	void aConflictOfInterestWithABeneficiaryExcludes() {
		assertExcludedOnlyBy(request().beneficiaries("GN", "LR"), offer().conflicts("NA", "GN"),
				Reason.of("match.excluded.conflict", "part*:GN"));
	}

	@Test
	void aConflictOfInterestWithTheRequestingParticipantExcludes() {
		assertExcludedOnlyBy(request().beneficiaries("LR"), offer().conflicts("SL"),
				Reason.of("match.excluded.conflict", "part*:SL"));
		assertExcludedOnlyBy(request(), offer().conflicts("CD", "SL", "LR"),
				Reason.of("match.excluded.conflict", "part*:SL"));
	}

	@Test
	void aConflictOfInterestWithAParticipantNotConcernedDoesNotExclude() {
		assertThat(assess(request().beneficiaries("LR"), offer().conflicts("NA", "GN")).total()).isEqualTo(98);
	}

	@Test
	void everyFailedFilterIsGivenAsAReason() {
		RequestBuilder request = request().window(day(3, 1), day(3, 10));
		OfferBuilder offer = offer().status(OfferStatus.PAUSED)
			.capacityLeft(0)
			.areas("MINING")
			.languages("ar")
			.available(null, day(2, 1))
			.reachParticipants("AO")
			.conflicts("SL");

		Assessment assessment = assess(request, offer);

		assertThat(assessment.exclusions()).containsExactly(
				Reason.of("match.excluded.notPublished", "msg:offerState.PAUSED"),
				Reason.of("match.excluded.noSharedArea"), Reason.of("match.excluded.noSharedLanguage", "lang*:ar"),
				Reason.of("match.excluded.windowsApart"), Reason.of("match.excluded.outOfReach", "part*:SL"),
				Reason.of("match.excluded.conflict", "part*:SL"));
	}

	@Test
	void twoFailedFiltersGiveTwoReasonsInOrder() {
		assertThat(assess(request(), offer().capacityLeft(0).conflicts("SL")).exclusions()).containsExactly(
				Reason.of("match.excluded.noCapacity"), Reason.of("match.excluded.conflict", "part*:SL"));
	}

	// --- the fast path and the explained path agree ------------------------------------------------

	@Test
	void theFastTotalEqualsTheExplainedTotalOnRandomPairs() {
		Instances random = new Instances(4242L);
		int excluded = 0;
		int scored = 0;
		for (int n = 0; n < 5000; n++) {
			Vocabulary words = Instances.vocabulary();
			Demand demand = random.randomRequest(n).demand(words);
			Supply supply = random.randomOffer(n, 3).supply(words);
			ProviderRecord record = random.randomRecord();

			int total = this.scoring.total(demand, supply, record);
			Assessment assessment = this.scoring.assess(demand, supply, record);
			String pair = demand.profile + " / " + supply.profile + " / " + record;

			assertThat(assessment.isExcluded()).as(pair).isEqualTo(!Scoring.passes(demand, supply));
			if (assessment.isExcluded()) {
				excluded++;
				assertThat(total).as(pair).isEqualTo(-1);
				assertExclusionsMatchFilters(assessment.exclusions(), demand, supply, pair);
			}
			else {
				scored++;
				assertThat(total).as(pair).isEqualTo(assessment.total()).isBetween(0, 100);
				assertThat(assessment.parts()).extracting(ScoredPart::part).containsExactly(Part.values());
				for (ScoredPart part : assessment.parts()) {
					assertThat(part.max()).isEqualTo(Weights.DEFAULT.of(part.part()));
					assertThat(part.points()).as(pair + " " + part).isBetween(0, part.max());
				}
				assertThat(assessment.parts().stream().mapToInt(ScoredPart::points).sum()).isEqualTo(total);
			}
		}
		// both paths are exercised in earnest
		assertThat(excluded).isGreaterThan(500);
		assertThat(scored).isGreaterThan(500);
	}

	private static void assertExclusionsMatchFilters(List<Reason> exclusions, Demand demand, Supply supply,
			String pair) {
		List<String> keys = exclusions.stream().map(Reason::key).toList();
		assertThat(keys.contains("match.excluded.notPublished")).as(pair).isEqualTo(!supply.published);
		assertThat(keys.contains("match.excluded.noCapacity")).as(pair)
			.isEqualTo(supply.published && supply.capacityLeft <= 0);
		assertThat(keys.contains("match.excluded.noSharedArea")).as(pair)
			.isEqualTo(demand.profile.areas().stream().noneMatch(supply.profile.areas()::contains)
					&& !supply.profile.areas().contains(demand.profile.primaryArea()));
		assertThat(keys.contains("match.excluded.noSharedLanguage")).as(pair)
			.isEqualTo(!demand.profile.languages().isEmpty()
					&& demand.profile.languages().stream().noneMatch(supply.profile.languages()::contains));
		assertThat(keys.contains("match.excluded.windowsApart")).as(pair)
			.isEqualTo(!Scoring.windowsOverlap(demand, supply));
		assertThat(keys.contains("match.excluded.outOfReach")).as(pair).isEqualTo(!Scoring.reaches(demand, supply));
		List<String> concerned = new java.util.ArrayList<>(demand.profile.beneficiaries());
		concerned.add(demand.profile.requestingParticipant());
		assertThat(keys.contains("match.excluded.conflict")).as(pair)
			.isEqualTo(supply.profile.conflictParticipants().stream().anyMatch(concerned::contains));
	}

}
