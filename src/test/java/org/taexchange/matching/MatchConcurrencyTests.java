package org.taexchange.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import org.taexchange.accounts.AccountUser;
import org.taexchange.matching.MatchLifecycle.NoCapacityLeft;
import org.taexchange.matching.MatchLifecycle.Step;
import org.taexchange.offers.OfferStatus;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordinators acting on the same offer, or the same request, at the same instant: the offer's last
 * engagement goes to exactly one match and the others are told there is none left; a request never has
 * two matches in progress. The threads are released together by a barrier and awaited on their futures.
 */
@IntegrationTest
class MatchConcurrencyTests {

	static final int ROUNDS = 10;

	static final int PARALLEL = 4;

	/** The demo data's two people on the coordinators' side. */
	static final List<String> COORDINATORS = List.of(MatchExamples.COORDINATOR, "admin@example.org");

	static final String OFFER_ENTITY = "org.taexchange.offers.Offer";

	@Autowired
	ApplicationContext context;

	@Autowired
	MatchLifecycle lifecycle;

	@Autowired
	Suggestions suggestions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	private MatchExamples examples;

	private Statistics statistics;

	@BeforeEach
	void examples() {
		this.examples = new MatchExamples(this.context);
		this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
	}

	// --- the last engagement ----------------------------------------------------------------------

	@Test
	void ofCoordinatorsApprovingMatchesForAnOffersLastEngagementAtOnceExactlyOneSucceedsAndTheOthersAreTold()
			throws Exception {
		int approved = 0;
		int told = 0;
		long byOptimisticLock = 0;
		for (int round = 0; round < ROUNDS; round++) {
			String offer = this.examples.offer();
			long offerId = this.examples.offers().idOf(offer);
			takeAllButTheLastEngagement(offer);
			List<Long> racing = proposals(offer, PARALLEL);
			long optimisticFailuresBefore = offerOptimisticFailures();

			Race race = approveAtTheSameInstant(racing, offerId);

			long collisionsOnTheVersion = offerOptimisticFailures() - optimisticFailuresBefore;
			assertThat(race.outcomes()).as("round %d", round)
				.containsOnlyOnce(Outcome.APPROVED)
				.containsOnly(Outcome.APPROVED, Outcome.TOLD)
				.hasSize(PARALLEL);
			assertThat(collisionsOnTheVersion).as("collisions caught by the offer's version, round %d", round)
				.isBetween(0L, (long) PARALLEL - 1);
			race.capacities().forEach(seen -> assertWithinCapacity(seen, "while the approvals ran"));
			Capacity after = capacityOf(offerId);
			assertWithinCapacity(after, "after round " + round);
			assertThat(after.held()).as("the two set aside before, and the winner's").isEqualTo(3);
			assertThat(after.used()).isZero();
			assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.EXHAUSTED);
			assertThat(racing.stream().map(this.examples::statusOf))
				.containsOnlyOnce(MatchStatus.APPROVED)
				.containsOnly(MatchStatus.APPROVED, MatchStatus.PROPOSED);
			assertThat(decisionsOn(racing, "MATCH_APPROVED")).as("approvals logged in round %d", round).isOne();
			assertThat(count("select count(*) from decision_log where subject_type = 'OFFER' and subject_id = ?"
					+ " and action = 'EXHAUSTED'", offer))
				.as("the offer ran out once")
				.isOne();
			for (int i = 0; i < racing.size(); i++) {
				if (race.outcomes().get(i) == Outcome.TOLD) {
					assertThat(this.examples.versionOf(racing.get(i))).as("a refused approval changed nothing")
						.isEqualTo(race.versions().get(i));
				}
			}
			approved += 1;
			told += PARALLEL - 1;
			byOptimisticLock += collisionsOnTheVersion;
		}
		long byStatus = told - byOptimisticLock;
		System.out.printf("%d rounds of %d approvals at once: %d approved, %d told"
				+ " (%d caught by the offer's version, %d by its status)%n", ROUNDS, PARALLEL, approved, told,
				byOptimisticLock, byStatus);
		assertThat(approved).isEqualTo(ROUNDS);
		assertThat(told).isEqualTo(ROUNDS * (PARALLEL - 1));
	}

	@Test
	void aDeclinedOrCancelledApprovalGivesTheEngagementBackAndAnotherMatchThenTakesIt() throws Exception {
		String offer = this.examples.offer();
		long offerId = this.examples.offers().idOf(offer);
		takeAllButTheLastEngagement(offer);
		List<Long> waiting = new ArrayList<>(proposals(offer, PARALLEL));

		long first = winnerOf(approveAtTheSameInstant(waiting, offerId), waiting);
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.EXHAUSTED);

		// the provider declines: the engagement is free again and the three others race for it
		this.examples.take(first, Step.DECLINE_OFFER, MatchExamples.PROVIDER, "Our valuers are booked");
		assertThat(this.examples.statusOf(first)).isEqualTo(MatchStatus.DECLINED);
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(capacityOf(offerId)).isEqualTo(new Capacity(3, 0, 2));
		waiting.remove(first);
		long second = winnerOf(approveAtTheSameInstant(waiting, offerId), waiting);
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.EXHAUSTED);
		assertThat(capacityOf(offerId)).isEqualTo(new Capacity(3, 0, 3));

		// a coordinator cancels it: the two left race again
		this.examples.take(second, Step.CANCEL, MatchExamples.COORDINATOR, "The provider has no valuer in French");
		assertThat(this.examples.statusOf(second)).isEqualTo(MatchStatus.CANCELLED);
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(capacityOf(offerId)).isEqualTo(new Capacity(3, 0, 2));
		waiting.remove(second);
		long third = winnerOf(approveAtTheSameInstant(waiting, offerId), waiting);
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.EXHAUSTED);

		// accepted, then declined by the requester: free again, and the last one is approved
		this.examples.take(third, Step.ACCEPT, MatchExamples.PROVIDER, null);
		this.examples.take(third, Step.DECLINE_MATCH, MatchExamples.OFFICIAL, "We found funding elsewhere");
		assertThat(this.examples.statusOf(third)).isEqualTo(MatchStatus.DECLINED);
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.PUBLISHED);
		waiting.remove(third);
		long last = waiting.get(0);
		this.examples.take(last, Step.APPROVE, MatchExamples.COORDINATOR, null);
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.EXHAUSTED);

		// confirmed, the engagement is used; cancelled before delivery, it is free again
		this.examples.take(last, Step.ACCEPT, MatchExamples.PROVIDER, null);
		this.examples.take(last, Step.CONFIRM, MatchExamples.OFFICIAL, null);
		assertThat(capacityOf(offerId)).isEqualTo(new Capacity(3, 1, 2));
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.EXHAUSTED);
		this.examples.take(last, Step.CANCEL, MatchExamples.COORDINATOR, "The mission was called off");
		assertThat(capacityOf(offerId)).isEqualTo(new Capacity(3, 0, 2));
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(this.jdbc.queryForObject(
				"select r.status from assistance_request r join request_match m on m.request_id = r.id where m.id = ?",
				String.class, last))
			.as("the request waits for another offer")
			.isEqualTo("OPEN_FOR_MATCHING");
		assertThat(this.jdbc.queryForList(
				"select action from decision_log where subject_type = 'OFFER' and subject_id = ? order by id",
				String.class, offer))
			.containsExactly("SUBMITTED", "PUBLISHED", "EXHAUSTED", "CAPACITY_CHANGED", "EXHAUSTED",
					"CAPACITY_CHANGED", "EXHAUSTED", "CAPACITY_CHANGED", "EXHAUSTED", "CAPACITY_CHANGED");
	}

	@Test
	void aMatchApprovedByTwoCoordinatorsAtOnceIsApprovedOnceAndTheSecondIsToldItChanged() throws Exception {
		for (int round = 0; round < 5; round++) {
			String offer = this.examples.offer();
			long offerId = this.examples.offers().idOf(offer);
			long match = proposals(offer, 1).get(0);
			long version = this.examples.versionOf(match);
			List<Callable<Outcome>> approvals = new ArrayList<>();
			for (String coordinator : COORDINATORS) {
				AccountUser person = this.examples.person(coordinator);
				approvals.add(() -> {
					try {
						this.lifecycle.take(match, version, Step.APPROVE, null, person);
						return Outcome.APPROVED;
					}
					catch (ObjectOptimisticLockingFailureException ex) {
						return Outcome.STALE;
					}
				});
			}

			List<Outcome> outcomes = atTheSameInstant(approvals);

			assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(Outcome.APPROVED, Outcome.STALE);
			assertThat(capacityOf(offerId)).as("one engagement set aside, not two").isEqualTo(new Capacity(3, 0, 1));
			assertThat(decisionsOn(List.of(match), "MATCH_APPROVED")).isOne();
		}
	}

	// --- one match in progress per request ----------------------------------------------------------

	@Test
	void proposalsForTheSameRequestAtTheSameInstantLeaveExactlyOneMatchInProgress() throws Exception {
		List<String> offers = List.of(this.examples.offer(), this.examples.offer());
		int caughtByTheIndex = 0;
		for (int round = 0; round < ROUNDS; round++) {
			String request = this.examples.requests()
				.openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
			List<Callable<Outcome>> proposals = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				long offerId = this.examples.offers().idOf(offers.get(i % offers.size()));
				String coordinator = COORDINATORS.get(i % COORDINATORS.size());
				proposals.add(() -> {
					try {
						this.suggestions.propose(request, offerId, MatchOrigin.SUGGESTION, null, coordinator);
						return Outcome.PROPOSED;
					}
					catch (Suggestions.MatchInProgress ex) {
						return Outcome.IN_PROGRESS;
					}
				});
			}
			long idsBefore = lastMatchId();

			List<Outcome> outcomes = atTheSameInstant(proposals);

			// an id is drawn for every insert, also one the unique index then refuses
			long inserts = lastMatchId() - idsBefore;
			assertThat(outcomes).as("round %d", round)
				.containsOnlyOnce(Outcome.PROPOSED)
				.containsOnly(Outcome.PROPOSED, Outcome.IN_PROGRESS);
			long requestId = this.examples.requests().idOf(request);
			assertThat(count("select count(*) from request_match where request_id = ?", requestId)).isOne();
			assertThat(count("select count(*) from request_match where request_id = ? and status = 'PROPOSED'",
					requestId))
				.isOne();
			assertThat(count("select count(*) from decision_log where subject_type = 'MATCH' and subject_id like ?"
					+ " and action = 'MATCH_PROPOSED'", request + " ↔ %"))
				.as("one proposal logged")
				.isOne();
			assertThat(inserts).isBetween(1L, (long) PARALLEL);
			caughtByTheIndex += (int) (inserts - 1);
		}
		System.out.printf("%d rounds of %d proposals at once: %d refused by the unique index, %d by the check%n",
				ROUNDS, PARALLEL, caughtByTheIndex, ROUNDS * (PARALLEL - 1) - caughtByTheIndex);
	}

	// --- helpers ---------------------------------------------------------------------------------------

	enum Outcome {
		APPROVED, TOLD, STALE, PROPOSED, IN_PROGRESS
	}

	record Capacity(int capacity, int used, int held) {
	}

	/** What each approval came to, in the order of the matches; the versions they were taken on; and the offer's capacity as read while they ran. */
	record Race(List<Outcome> outcomes, List<Long> versions, List<Capacity> capacities) {
	}

	/** Two other matches on the offer approved, one after the other: the offer (of three) has one engagement left. */
	private void takeAllButTheLastEngagement(String offer) {
		for (long id : proposals(offer, 2)) {
			this.examples.take(id, Step.APPROVE, MatchExamples.COORDINATOR, null);
		}
		long offerId = this.examples.offers().idOf(offer);
		assertThat(capacityOf(offerId)).isEqualTo(new Capacity(3, 0, 2));
		assertThat(this.examples.offers().statusOf(offerId)).isEqualTo(OfferStatus.PUBLISHED);
	}

	/** Fresh requests of Sierra Leone, each with a match on the offer proposed; the matches' ids. */
	private List<Long> proposals(String offer, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String request = this.examples.requests()
				.openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
			ids.add(this.examples.proposed(request, offer));
		}
		return ids;
	}

	/**
	 * Each match approved by a coordinator on the version the coordinator saw, all released at once, while
	 * another thread reads the offer's capacity until they are done.
	 */
	private Race approveAtTheSameInstant(List<Long> matches, long offerId) throws Exception {
		List<Long> versions = matches.stream().map(this.examples::versionOf).toList();
		List<Callable<Outcome>> approvals = new ArrayList<>();
		for (int i = 0; i < matches.size(); i++) {
			long id = matches.get(i);
			long version = versions.get(i);
			AccountUser coordinator = this.examples.person(COORDINATORS.get(i % COORDINATORS.size()));
			approvals.add(() -> {
				try {
					this.lifecycle.take(id, version, Step.APPROVE, null, coordinator);
					return Outcome.APPROVED;
				}
				catch (NoCapacityLeft ex) {
					return Outcome.TOLD;
				}
			});
		}
		List<Capacity> seen = new CopyOnWriteArrayList<>();
		AtomicBoolean done = new AtomicBoolean();
		CountDownLatch watching = new CountDownLatch(1);
		ExecutorService watcher = Executors.newSingleThreadExecutor();
		try {
			Future<?> watch = watcher.submit(() -> {
				watching.countDown();
				while (!done.get()) {
					seen.add(capacityOf(offerId));
				}
			});
			assertThat(watching.await(10, TimeUnit.SECONDS)).isTrue();
			List<Outcome> outcomes;
			try {
				outcomes = atTheSameInstant(approvals);
			}
			finally {
				done.set(true);
			}
			watch.get(10, TimeUnit.SECONDS);
			return new Race(outcomes, versions, List.copyOf(seen));
		}
		finally {
			watcher.shutdownNow();
		}
	}

	/** The one match of the race that was approved. */
	private long winnerOf(Race race, List<Long> matches) {
		assertThat(race.outcomes()).containsOnlyOnce(Outcome.APPROVED).containsOnly(Outcome.APPROVED, Outcome.TOLD);
		return matches.get(race.outcomes().indexOf(Outcome.APPROVED));
	}

	/** Runs the tasks on as many threads, released together by a barrier; their results in the tasks' order. */
	private static <T> List<T> atTheSameInstant(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		CyclicBarrier start = new CyclicBarrier(tasks.size());
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return task.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				try {
					results.add(future.get(60, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					throw new AssertionError("A task failed otherwise than expected", ex.getCause());
				}
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Capacity capacityOf(long offerId) {
		Map<String, Object> row = this.jdbc
			.queryForMap("select capacity, capacity_used, capacity_held from offer where id = ?", offerId);
		return new Capacity((Integer) row.get("capacity"), (Integer) row.get("capacity_used"),
				(Integer) row.get("capacity_held"));
	}

	private static void assertWithinCapacity(Capacity seen, String when) {
		assertThat(seen.used()).as("used %s", when).isNotNegative();
		assertThat(seen.held()).as("held %s", when).isNotNegative();
		assertThat(seen.used() + seen.held()).as("used and held %s", when).isLessThanOrEqualTo(seen.capacity());
	}

	/** How many times the action was logged on these matches. */
	private long decisionsOn(List<Long> matches, String action) {
		long total = 0;
		for (long id : matches) {
			Map<String, Object> match = this.jdbc
				.queryForMap("select request_reference, offer_reference from request_match where id = ?", id);
			total += count("select count(*) from decision_log where subject_type = 'MATCH' and subject_id = ?"
					+ " and action = ?", match.get("request_reference") + " ↔ " + match.get("offer_reference"), action);
		}
		return total;
	}

	private long offerOptimisticFailures() {
		return this.statistics.getEntityStatistics(OFFER_ENTITY).getOptimisticFailureCount();
	}

	private long lastMatchId() {
		return this.jdbc.queryForObject("select case when is_called then last_value else last_value - 1 end from request_match_id_seq", Long.class);
	}

	private long count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Long.class, arguments);
	}
}
