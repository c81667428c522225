package org.taexchange.offers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Modality;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly job ends the offers whose window has passed, and only those; two instances running
 * it at the same moment end each offer once, with one timeline entry and one decision-log line.
 */
@IntegrationTest
class OfferExpiryTests {

	static final String PROVIDER = "provider@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	static final int ROUNDS = 6;

	static final int DUE_PER_ROUND = 12;

	/** When the offers were written and vetted: long before the job runs. */
	static final Clock BACK_THEN = Clock.fixed(Instant.parse("2024-01-10T09:00:00Z"), ZoneOffset.UTC);

	/** A year of our own for the references, far from any real one, so the offers are told apart. */
	static final int YEAR = 2100 + ThreadLocalRandom.current().nextInt(800);

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	OfferExpiry expiry;

	@Autowired
	Offers offers;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService people;

	private AccountUser provider;

	private ExecutorService instances;

	@BeforeEach
	void setUp() {
		this.provider = (AccountUser) this.people.loadUserByUsername(PROVIDER);
		this.instances = Executors.newFixedThreadPool(2);
		// whatever other tests left due is ended first, so each run's count is about these offers only
		this.expiry.expireOffersPastTheirWindow();
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.instances.shutdownNow();
		assertThat(this.instances.awaitTermination(30, TimeUnit.SECONDS)).as("both runs are done").isTrue();
	}

	@Test
	void offersWhoseWindowHasPassedAreExpiredWithAnEntryOnTheirTimelineAndInTheDecisionLog() {
		List<Long> due = List.of(anOffer(ended(), this::leaveWaitingForVetting), anOffer(ended(), this::askForChanges),
				anOffer(ended(), this::publish), anOffer(ended(), this::pause), anOffer(ended(), this::exhaust));

		int expired = this.expiry.expireOffersPastTheirWindow();

		assertThat(expired).isEqualTo(due.size());
		for (long id : due) {
			Offer offer = this.offers.findById(id).orElseThrow();
			assertThat(offer.getStatus()).as("offer %s", offer.getReference()).isEqualTo(OfferStatus.EXPIRED);
			assertThat(expiredEntriesOnTheTimelineOf(id)).as("offer %s", offer.getReference()).isEqualTo(1);
			assertThat(expiryDecisionsOn(offer.getReference())).as("offer %s", offer.getReference())
				.containsExactly("system");
		}
	}

	@Test
	void offersStillInTheirWindowDraftsAndEndedOffersAreLeftAsTheyAre() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		long lastDayToday = anOffer(endingOn(today), this::publish);
		long nextYear = anOffer(endingOn(today.plusYears(1)), this::pause);
		long openEnded = anOffer(endingOn(null), this::publish);
		long draft = aDraft(ended());
		long withdrawn = anOffer(ended(), this::withdraw);
		long declined = anOffer(ended(), this::decline);
		long due = anOffer(ended(), this::publish);

		int expired = this.expiry.expireOffersPastTheirWindow();

		assertThat(expired).as("only the one whose window has passed").isEqualTo(1);
		assertThat(statusOf(due)).isEqualTo(OfferStatus.EXPIRED);
		assertThat(statusOf(lastDayToday)).as("on its last day").isEqualTo(OfferStatus.PUBLISHED);
		assertThat(statusOf(nextYear)).isEqualTo(OfferStatus.PAUSED);
		assertThat(statusOf(openEnded)).isEqualTo(OfferStatus.PUBLISHED);
		assertThat(statusOf(draft)).isEqualTo(OfferStatus.DRAFT);
		assertThat(statusOf(withdrawn)).isEqualTo(OfferStatus.WITHDRAWN);
		assertThat(statusOf(declined)).isEqualTo(OfferStatus.DECLINED);
		for (long id : List.of(lastDayToday, nextYear, openEnded, draft, withdrawn, declined)) {
			assertThat(expiredEntriesOnTheTimelineOf(id)).as("offer %d", id).isZero();
		}
	}

	@Test
	void aSecondRunFindsNothingLeftToExpire() {
		long due = anOffer(ended(), this::publish);
		assertThat(this.expiry.expireOffersPastTheirWindow()).isEqualTo(1);
		long version = this.offers.findById(due).orElseThrow().getVersion();

		assertThat(this.expiry.expireOffersPastTheirWindow()).isZero();

		assertThat(this.offers.findById(due).orElseThrow().getVersion()).as("untouched").isEqualTo(version);
		assertThat(expiredEntriesOnTheTimelineOf(due)).isEqualTo(1);
	}

	@Test
	void twoRunsAtTheSameMomentExpireEachDueOfferExactlyOnce() throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			List<Long> due = new ArrayList<>();
			for (int i = 0; i < DUE_PER_ROUND; i++) {
				due.add(anOffer(ended(), i % 3 == 0 ? this::pause : this::publish));
			}
			long notDue = anOffer(endingOn(LocalDate.now(ZoneOffset.UTC).plusMonths(3)), this::publish);

			CountDownLatch ready = new CountDownLatch(2);
			CountDownLatch go = new CountDownLatch(1);
			Future<Integer> first = this.instances.submit(atTheSignal(ready, go));
			Future<Integer> second = this.instances.submit(atTheSignal(ready, go));
			assertThat(ready.await(30, TimeUnit.SECONDS)).as("round %d: both runs are ready", round).isTrue();
			go.countDown();
			int firstCount = first.get(120, TimeUnit.SECONDS);
			int secondCount = second.get(120, TimeUnit.SECONDS);

			assertThat(firstCount + secondCount)
				.as("round %d: the runs expired %d and %d offers", round, firstCount, secondCount)
				.isEqualTo(due.size());
			for (long id : due) {
				Offer offer = this.offers.findById(id).orElseThrow();
				assertThat(offer.getStatus()).as("round %d, offer %s", round, offer.getReference())
					.isEqualTo(OfferStatus.EXPIRED);
				assertThat(expiredEntriesOnTheTimelineOf(id)).as("round %d, the timeline of %s", round,
						offer.getReference())
					.isEqualTo(1);
				assertThat(expiryDecisionsOn(offer.getReference()))
					.as("round %d, the decision log on %s", round, offer.getReference())
					.hasSize(1);
			}
			assertThat(statusOf(notDue)).as("round %d", round).isEqualTo(OfferStatus.PUBLISHED);
		}
	}

	// --- examples, built through the domain long ago ---------------------------------------------

	/** A window that ended a year after the offers were written, long before today. */
	private static OfferContent ended() {
		return endingOn(LocalDate.of(2025, 1, 31));
	}

	private static OfferContent endingOn(LocalDate lastDay) {
		return new OfferContent("Customs controls against smuggling", "A five-day workshop at border posts.",
				List.of("ENFORCEMENT"), List.of(Modality.WORKSHOP), List.of("en"), Reach.ALL, List.of(), List.of(),
				LocalDate.of(2024, 2, 1), lastDay, 2, OfferFunding.FULLY_FUNDED, 1, null, List.of("en"), List.of(),
				null);
	}

	private long aDraft(OfferContent content) {
		return save(Offer.draft(this.provider.organisationId(), this.provider.id(), content, BACK_THEN));
	}

	/** A submitted offer taken further by the given moves; its id. */
	private long anOffer(OfferContent content, Consumer<Offer> moves) {
		Offer draft = Offer.draft(this.provider.organisationId(), this.provider.id(), content, BACK_THEN);
		OfferReference reference = OfferReference.of(YEAR, SEQUENCE.incrementAndGet());
		Long id = this.transactions.execute(status -> {
			// saved first, as providers' drafts are: the events of its moves carry its id
			Offer offer = this.offers.saveAndFlush(draft);
			offer.submit(reference, PROVIDER, BACK_THEN);
			moves.accept(offer);
			return this.offers.saveAndFlush(offer).getId();
		});
		assertThat(id).isNotNull();
		return id;
	}

	private long save(Offer offer) {
		Long id = this.transactions.execute(status -> this.offers.saveAndFlush(offer).getId());
		assertThat(id).isNotNull();
		return id;
	}

	private void leaveWaitingForVetting(Offer offer) {
		assertThat(offer.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
	}

	private void publish(Offer offer) {
		offer.publish(COORDINATOR, BACK_THEN);
	}

	private void askForChanges(Offer offer) {
		offer.askForChanges(COORDINATOR, "Please name the trainers.", BACK_THEN);
	}

	private void decline(Offer offer) {
		offer.decline(COORDINATOR, "Outside the programme", BACK_THEN);
	}

	private void pause(Offer offer) {
		publish(offer);
		offer.pause(PROVIDER, BACK_THEN);
	}

	private void exhaust(Offer offer) {
		publish(offer);
		offer.useCapacity(COORDINATOR, BACK_THEN);
		offer.useCapacity(COORDINATOR, BACK_THEN);
	}

	private void withdraw(Offer offer) {
		publish(offer);
		offer.withdraw(PROVIDER, BACK_THEN);
	}

	private OfferStatus statusOf(long id) {
		return this.offers.findById(id).orElseThrow().getStatus();
	}

	private int expiredEntriesOnTheTimelineOf(long id) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from offer_status_change where offer_id = ? and to_status = 'EXPIRED'", Integer.class,
				id);
		return count == null ? 0 : count;
	}

	/** The actors of the expiries logged for the offer. */
	private List<String> expiryDecisionsOn(String reference) {
		return this.jdbc.queryForList(
				"select actor from decision_log where subject_type = 'OFFER' and subject_id = ? and action = 'EXPIRED'",
				String.class, reference);
	}

	/** One run of the job, started once both runs are ready and the signal is given; how many it expired. */
	private Callable<Integer> atTheSignal(CountDownLatch ready, CountDownLatch go) {
		return () -> {
			ready.countDown();
			if (!go.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("No signal to run");
			}
			return this.expiry.expireOffersPastTheirWindow();
		};
	}
}
