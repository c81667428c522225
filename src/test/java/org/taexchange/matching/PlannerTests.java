package org.taexchange.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import org.taexchange.matching.Instances.Instance;
import org.taexchange.matching.MatchingSettings.Weights;
import org.taexchange.matching.Planner.Assignment;
import org.taexchange.matching.Planner.Plan;
import org.taexchange.offers.OfferFunding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taexchange.matching.Instances.offer;
import static org.taexchange.matching.Instances.request;

/**
 * The global plan (DESIGN §3): on random small instances it is checked against an exhaustive search; on
 * hand-built ones, against assignments worked out by hand with the default weights.
 */
class PlannerTests {

	private static final Scoring SCORING = new Scoring(Weights.DEFAULT);

	/** Enough candidates per request to keep every pair of the random instances. */
	private static final int ALL = 100;

	private static final int INSTANCES = 200;

	// --- random instances ----------------------------------------------------------------------------

	/** The same 200 instances for every test: 1–7 requests, 1–5 offers, capacities 0–3. */
	private static void forEachRandomInstance(BiConsumer<Instance, Plan> check) {
		Instances random = new Instances(20271126L);
		Planner planner = new Planner(SCORING, ALL);
		for (int n = 0; n < INSTANCES; n++) {
			Instance instance = random.instance(7, 5, 3);
			check.accept(instance, planner.plan(instance.demands(), instance.supplies(), instance::recordOf));
		}
	}

	/** Each pair's score, or -1 when the hard filters exclude it. */
	private static int[][] scores(Instance instance) {
		int[][] scores = new int[instance.demands().size()][instance.supplies().size()];
		for (int d = 0; d < scores.length; d++) {
			for (int s = 0; s < scores[d].length; s++) {
				Supply supply = instance.supplies().get(s);
				scores[d][s] = SCORING.total(instance.demands().get(d), supply, instance.recordOf(supply));
			}
		}
		return scores;
	}

	private static int[] capacities(Instance instance) {
		return instance.supplies().stream().mapToInt(supply -> supply.capacityLeft).toArray();
	}

	/** The best total over every assignment of each request to one of its eligible offers or to none. */
	private static long bruteForce(int[][] scores, int[] capacity) {
		return bestFrom(0, scores, capacity.clone());
	}

	private static long bestFrom(int demand, int[][] scores, int[] left) {
		if (demand == scores.length) {
			return 0;
		}
		long best = bestFrom(demand + 1, scores, left);
		for (int s = 0; s < left.length; s++) {
			if (scores[demand][s] >= 0 && left[s] > 0) {
				left[s]--;
				best = Math.max(best, scores[demand][s] + bestFrom(demand + 1, scores, left));
				left[s]++;
			}
		}
		return best;
	}

	private static long total(List<Assignment> assignments) {
		return assignments.stream().mapToLong(Assignment::score).sum();
	}

	@Test
	void theOptimalPlanReachesTheBestTotalFoundByExhaustiveSearch() {
		int[] pairs = new int[2];
		forEachRandomInstance((instance, plan) -> {
			int[][] scores = scores(instance);
			for (int[] row : scores) {
				for (int score : row) {
					pairs[score < 0 ? 0 : 1]++;
				}
			}
			assertThat(plan.optimalTotal()).as("%s", instance)
				.isEqualTo(total(plan.optimal()))
				.isEqualTo(bruteForce(scores, capacities(instance)));
		});
		// the random instances mix excluded and eligible pairs
		assertThat(pairs[0]).isGreaterThan(200);
		assertThat(pairs[1]).isGreaterThan(200);
	}

	@Test
	void theOptimalPlanIsNeverBelowTheGreedyOne() {
		int[] strictlyBetter = new int[1];
		forEachRandomInstance((instance, plan) -> {
			assertThat(plan.greedyTotal()).isEqualTo(total(plan.greedy()));
			assertThat(plan.optimalTotal()).as("%s", instance).isGreaterThanOrEqualTo(plan.greedyTotal());
			if (plan.optimalTotal() > plan.greedyTotal()) {
				strictlyBetter[0]++;
			}
		});
		// otherwise the comparison would prove little
		assertThat(strictlyBetter[0]).isPositive();
	}

	@Test
	void noOfferIsAssignedBeyondItsCapacityLeft() {
		forEachRandomInstance((instance, plan) -> {
			int[] capacity = capacities(instance);
			for (List<Assignment> assignments : List.of(plan.optimal(), plan.greedy())) {
				int[] used = new int[capacity.length];
				assignments.forEach(assignment -> used[assignment.supply()]++);
				for (int s = 0; s < capacity.length; s++) {
					assertThat(used[s]).as("offer %d in %s", s, assignments).isLessThanOrEqualTo(capacity[s]);
				}
			}
		});
	}

	@Test
	void eachRequestIsAssignedAtMostOnce() {
		forEachRandomInstance((instance, plan) -> {
			for (List<Assignment> assignments : List.of(plan.optimal(), plan.greedy())) {
				assertThat(assignments).extracting(Assignment::demand).doesNotHaveDuplicates();
				assertThat(assignments).allSatisfy(assignment -> assertThat(assignment.demand()).isBetween(0,
						instance.demands().size() - 1));
			}
		});
	}

	@Test
	void noExcludedPairIsAssignedAndEachAssignmentCarriesItsPairsScore() {
		forEachRandomInstance((instance, plan) -> {
			int[][] scores = scores(instance);
			long eligible = 0;
			for (int[] row : scores) {
				for (int score : row) {
					eligible += score < 0 ? 0 : 1;
				}
			}
			assertThat(plan.pairs()).isEqualTo(eligible);
			for (List<Assignment> assignments : List.of(plan.optimal(), plan.greedy())) {
				for (Assignment assignment : assignments) {
					int score = scores[assignment.demand()][assignment.supply()];
					assertThat(score).as("%s", assignment).isNotNegative();
					assertThat(assignment.score()).isEqualTo(score);
				}
			}
		});
	}

	@Test
	void planningTheSameInstanceTwiceGivesTheSameAssignments() {
		Planner again = new Planner(SCORING, ALL);
		forEachRandomInstance((instance, plan) -> {
			Plan second = again.plan(instance.demands(), instance.supplies(), instance::recordOf);
			assertThat(second.optimal()).isEqualTo(plan.optimal());
			assertThat(second.greedy()).isEqualTo(plan.greedy());
			assertThat(second.pairs()).isEqualTo(plan.pairs());
		});
	}

	// --- hand-built instances ------------------------------------------------------------------------

	private static Plan plan(int candidates, List<Instances.RequestBuilder> requests,
			List<Instances.OfferBuilder> offers) {
		Vocabulary words = Instances.vocabulary();
		List<Demand> demands = new ArrayList<>();
		requests.forEach(request -> demands.add(request.demand(words)));
		List<Supply> supplies = new ArrayList<>();
		offers.forEach(offer -> supplies.add(offer.supply(words)));
		return new Planner(SCORING, candidates).plan(demands, supplies, organisation -> ProviderRecord.NONE);
	}

	@Test
	void greedyTakesTheContestedOfferWhereTheOptimalPlanServesBothRequests() {
		// R0 (English) scores 98 with O0 and 81 with O1 (needs funding: 3; provider elsewhere: 0);
		// R1 (French and Portuguese) scores 91 with O0 (language 1/2: 8) and speaks nothing O1 speaks.
		Plan plan = plan(ALL,
				List.of(request().id(1).languages("en"), request().id(2).languages("fr", "pt")),
				List.of(offer().id(1).languages("en", "fr").capacityLeft(1),
						offer().id(2).languages("en").provider("AO").funding(
								OfferFunding.NEEDS_FUNDING).capacityLeft(1)));

		assertThat(plan.pairs()).isEqualTo(3);
		assertThat(plan.greedy()).containsExactly(new Assignment(0, 0, 98));
		assertThat(plan.greedyTotal()).isEqualTo(98);
		assertThat(plan.optimal()).containsExactly(new Assignment(0, 1, 81), new Assignment(1, 0, 91));
		assertThat(plan.optimalTotal()).isEqualTo(172);
	}

	private static final List<Instances.RequestBuilder> TWO_REQUESTS = List.of(request().id(1),
			request().id(2).languages("en", "pt").window(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10)));

	/** O0 always available, provider in Sierra Leone; O1 from 6 March, international provider. */
	private static final List<Instances.OfferBuilder> TWO_OFFERS = List.of(offer().id(1).capacityLeft(1),
			offer().id(2).provider(null).available(LocalDate.of(2027, 3, 6), null).capacityLeft(1));

	@Test
	void withOneCandidateEachRequestKeepsOnlyItsBestOffer() {
		// R0: O0 98, O1 93 (region 5); R1: O0 91 (language 8), O1 79 (language 8, timing 5/10: 8, region 5)
		Plan plan = plan(1, TWO_REQUESTS, TWO_OFFERS);

		assertThat(plan.pairs()).isEqualTo(2);
		assertThat(plan.optimal()).containsExactly(new Assignment(0, 0, 98));
		assertThat(plan.greedy()).containsExactly(new Assignment(0, 0, 98));
	}

	@Test
	void withEveryCandidateTheSecondBestOfferServesTheOtherRequest() {
		Plan plan = plan(ALL, TWO_REQUESTS, TWO_OFFERS);

		assertThat(plan.pairs()).isEqualTo(4);
		assertThat(plan.optimal()).containsExactly(new Assignment(0, 1, 93), new Assignment(1, 0, 91));
		assertThat(plan.optimalTotal()).isEqualTo(184);
		assertThat(plan.greedy()).containsExactly(new Assignment(0, 0, 98), new Assignment(1, 1, 79));
		assertThat(plan.greedyTotal()).isEqualTo(177);
	}

	@Test
	void betweenEqualOffersTheOneListedFirstIsKept() {
		Plan plan = plan(1, List.of(request()), List.of(offer().id(1), offer().id(2), offer().id(3)));

		assertThat(plan.pairs()).isEqualTo(1);
		assertThat(plan.optimal()).containsExactly(new Assignment(0, 0, 98));
		assertThat(plan.greedy()).containsExactly(new Assignment(0, 0, 98));
	}

	@Test
	void anOfferServesAsManyRequestsAsItHasCapacityLeft() {
		Plan plan = plan(ALL, List.of(request().id(1), request().id(2), request().id(3)),
				List.of(offer().capacityLeft(2)));

		assertThat(plan.pairs()).isEqualTo(3);
		assertThat(plan.optimal()).hasSize(2).allSatisfy(assignment -> assertThat(assignment.score()).isEqualTo(98));
		assertThat(plan.optimalTotal()).isEqualTo(196);
		assertThat(plan.greedy()).containsExactly(new Assignment(0, 0, 98), new Assignment(1, 0, 98));
	}

	@Test
	void requestsWithoutEligibleOffersStayUnassigned() {
		Plan plan = plan(ALL, List.of(request().languages("ar")), List.of(offer(), offer().capacityLeft(0)));

		assertThat(plan.pairs()).isZero();
		assertThat(plan.optimal()).isEmpty();
		assertThat(plan.greedy()).isEmpty();
	}

	@Test
	void noRequestsGiveAnEmptyPlan() {
		Plan plan = plan(ALL, List.of(), List.of(offer()));

		assertThat(plan.pairs()).isZero();
		assertThat(plan.optimal()).isEmpty();
		assertThat(plan.greedy()).isEmpty();
	}

}
