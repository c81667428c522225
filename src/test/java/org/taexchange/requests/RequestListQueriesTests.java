package org.taexchange.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Modality;
import org.taexchange.requests.Triage.Decision;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.StatementCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * The lists of requests: what they cost in SQL statements (the same for a page of thirty as for a
 * page of five, so no statement per row), and what the coordinators' queue shows for each filter
 * and order. Other tests and the demo data add requests too, so every check looks at this class's
 * own requests only.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestListQueriesTests {

	static final String OFFICIAL = "official.sl@example.org";

	static final String OTHER_OFFICIAL = "official.ci@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TriageDeadline deadline;

	private RequestExamples examples;

	private StatementCounts counts;

	@BeforeAll
	void thirtySubmittedRequestsOfOneParticipant() {
		this.examples = new RequestExamples(this.context);
		this.counts = new StatementCounts(this.context);
		for (int i = 0; i < 30; i++) {
			this.examples.submitted(OFFICIAL);
		}
	}

	@Test
	void theOfficialsListRunsAsManyStatementsForThirtyRequestsAsForFive() throws Exception {
		AccountUser official = this.examples.person(OFFICIAL);
		statementsFor(get("/requests").param("size", "5").with(signedIn(official)), 5);
		long five = statementsFor(get("/requests").param("size", "5").with(signedIn(official)), 5);
		long thirty = statementsFor(get("/requests").param("size", "30").with(signedIn(official)), 30);
		assertThat(thirty).as("statements for 30 requests, against %d for 5", five).isEqualTo(five);
	}

	@Test
	void theTriageQueueRunsAsManyStatementsForThirtyRequestsAsForFive() throws Exception {
		AccountUser coordinator = this.examples.person(COORDINATOR);
		statementsFor(get("/admin/requests").param("size", "5").with(signedIn(coordinator)), 5);
		long five = statementsFor(get("/admin/requests").param("size", "5").with(signedIn(coordinator)), 5);
		long thirty = statementsFor(get("/admin/requests").param("size", "30").with(signedIn(coordinator)), 30);
		assertThat(thirty).as("statements for 30 requests, against %d for 5", five).isEqualTo(five);
		long filtered = statementsFor(get("/admin/requests").param("size", "30")
			.param("participant", "SL")
			.param("status", "SUBMITTED")
			.param("area", "STATISTICS")
			.param("order", "URGENCY")
			.with(signedIn(coordinator)), 30);
		assertThat(filtered).as("statements with every filter but overdue").isEqualTo(five);
	}

	@Test
	void theQueueFiltersByStatusParticipantAreaUrgencyAndOverdueAndNeverShowsDrafts() throws Exception {
		Mine mine = fiveRequestsAtDifferentStages();

		assertThat(queue(mine, "")).as("no filter").containsExactly(mine.a, mine.d, mine.b, mine.c, mine.e);
		assertThat(queue(mine, "status=SUBMITTED")).containsExactly(mine.a, mine.c, mine.e);
		assertThat(queue(mine, "status=UNDER_REVIEW")).containsExactly(mine.b);
		assertThat(queue(mine, "status=OPEN_FOR_MATCHING")).containsExactly(mine.d);
		assertThat(queue(mine, "status=DRAFT")).as("drafts are not in triage: the filter is dropped")
			.containsExactly(mine.a, mine.d, mine.b, mine.c, mine.e);
		assertThat(queue(mine, "participant=CI")).containsExactly(mine.d, mine.c);
		assertThat(queue(mine, "participant=SL")).containsExactly(mine.a, mine.b, mine.e);
		assertThat(queue(mine, "area=STATISTICS")).as("any of a request's areas, not only its primary one")
			.containsExactly(mine.a, mine.c);
		assertThat(queue(mine, "area=GEOLOGY")).containsExactly(mine.b);
		assertThat(queue(mine, "urgency=URGENT")).containsExactly(mine.d, mine.b);
		assertThat(queue(mine, "overdue=true")).as("waiting for a coordinator beyond the deadline")
			.containsExactly(mine.a, mine.b);
		assertThat(queue(mine, "participant=SL&urgency=URGENT&overdue=true")).containsExactly(mine.b);
		assertThat(queue(mine, "status=SOMETHING&urgency=SOMETIME&order=RANDOM"))
			.as("values the queue does not know are ignored")
			.containsExactly(mine.a, mine.d, mine.b, mine.c, mine.e);
	}

	@Test
	void theQueueShowsTheLongestWaitingFirstOrTheMostRecentOrTheMostUrgent() throws Exception {
		Mine mine = fiveRequestsAtDifferentStages();

		assertThat(queue(mine, "order=WAITING")).containsExactly(mine.a, mine.d, mine.b, mine.c, mine.e);
		assertThat(queue(mine, "order=RECENT")).containsExactly(mine.e, mine.c, mine.b, mine.d, mine.a);
		assertThat(queue(mine, "order=URGENCY")).as("urgent, soon, routine; the longest waiting first within each")
			.containsExactly(mine.d, mine.b, mine.c, mine.a, mine.e);
	}

	@Test
	void theQueueFlagsAndFiltersAsOverdueTheSameRequestsFromTheDayAfterTheirDueDate() throws Exception {
		Mine mine = fiveRequestsAtDifferentStages();
		Instant limit = this.deadline.overdueBefore();
		AccountUser official = this.examples.person(OFFICIAL);
		long justOverdue = this.examples.submittedAt(limit.minusSeconds(1), official, "Due the day before yesterday",
				expertise("VALUATION"), Urgency.ROUTINE)
			.getId();
		long notYet = this.examples.submittedAt(limit, official, "Due yesterday at the latest", expertise("VALUATION"),
				Urgency.ROUTINE)
			.getId();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(this.deadline.dueDate(limit.minusSeconds(1))).as("the older one was due before today")
			.isBefore(today);
		assertThat(this.deadline.dueDate(limit)).as("the newer one is due today or later").isAfterOrEqualTo(today);
		Set<Long> ours = new HashSet<>(mine.all());
		ours.add(justOverdue);
		ours.add(notYet);

		Listed everything = listed(ours, "order=WAITING");
		assertThat(everything.flaggedOverdue()).as("flagged overdue in the list")
			.containsExactlyInAnyOrder(mine.a, mine.b, justOverdue);
		assertThat(listed(ours, "overdue=true").ids()).as("found by the overdue filter")
			.containsExactlyInAnyOrder(mine.a, mine.b, justOverdue);
	}

	/** Runs the request, checks that it showed that many requests, and returns the statements Hibernate prepared. */
	private long statementsFor(MockHttpServletRequestBuilder request, int rows) throws Exception {
		StatementCounts.Counted counted = this.counts.count(request);
		Page<?> page = (Page<?>) counted.result().getModelAndView().getModel().get("page");
		assertThat(page.getContent()).hasSize(rows);
		return counted.statements();
	}

	/** Five submitted requests of two participants at different stages and ages, and a draft. */
	private Mine fiveRequestsAtDifferentStages() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		AccountUser sierraLeone = this.examples.person(OFFICIAL);
		AccountUser coteDIvoire = this.examples.person(OTHER_OFFICIAL);
		long a = this.examples
			.submittedAt(now.minus(days(40)), sierraLeone, "Valuation statistics",
					new ExpertiseWanted(List.of("VALUATION", "STATISTICS"), "VALUATION", List.of(Modality.WORKSHOP)),
					Urgency.ROUTINE)
			.getId();
		long b = this.examples
			.submittedAt(now.minus(days(20)), sierraLeone, "Alluvial geology", expertise("GEOLOGY"), Urgency.URGENT)
			.getId();
		this.examples.decideAt(now.minus(days(18)), b, COORDINATOR, Decision.START_REVIEW);
		long c = this.examples
			.submittedAt(now.minus(days(2)), coteDIvoire, "Export statistics", expertise("STATISTICS"), Urgency.SOON)
			.getId();
		long d = this.examples
			.submittedAt(now.minus(days(30)), coteDIvoire, "Valuers' training", expertise("VALUATION"), Urgency.URGENT)
			.getId();
		this.examples.decideAt(now.minus(days(30)).plus(Duration.ofHours(1)), d, COORDINATOR, Decision.START_REVIEW);
		this.examples.decideAt(now.minus(days(29)), d, COORDINATOR, Decision.OPEN_FOR_MATCHING);
		long e = this.examples
			.submittedAt(now.minus(Duration.ofHours(1)), sierraLeone, "Mining law", expertise("LEGISLATION"),
					Urgency.ROUTINE)
			.getId();
		long draft = this.examples.completeDraft(sierraLeone, "Not sent yet", expertise("STATISTICS"), Urgency.URGENT);
		return new Mine(a, b, c, d, e, draft);
	}

	/** This class's requests that the queue shows for the query, in the queue's order, from all its pages. */
	private List<Long> queue(Mine mine, String query) throws Exception {
		Set<Long> ours = new HashSet<>(mine.all());
		ours.add(mine.draft);
		return listed(ours, query).ids();
	}

	private Listed listed(Set<Long> ours, String query) throws Exception {
		AccountUser coordinator = this.examples.person(COORDINATOR);
		List<Long> ids = new ArrayList<>();
		Set<Long> overdue = new HashSet<>();
		for (int number = 0;; number++) {
			String address = "/admin/requests?" + (query.isEmpty() ? "" : query + "&") + "size=100&page=" + number;
			MvcResult result = this.mvc.perform(get(address).with(signedIn(coordinator))).andReturn();
			assertThat(result.getResponse().getStatus()).as(address).isEqualTo(200);
			Page<?> page = (Page<?>) result.getModelAndView().getModel().get("page");
			@SuppressWarnings("unchecked")
			Set<Long> flagged = (Set<Long>) result.getModelAndView().getModel().get("overdueIds");
			for (Object row : page.getContent()) {
				long id = ((AssistanceRequest) row).getId();
				if (ours.contains(id)) {
					ids.add(id);
					if (flagged.contains(id)) {
						overdue.add(id);
					}
				}
			}
			if (!page.hasNext()) {
				return new Listed(ids, overdue);
			}
		}
	}

	private static ExpertiseWanted expertise(String area) {
		return new ExpertiseWanted(List.of(area), area, List.of(Modality.EXPERT_MISSION));
	}

	private static Duration days(int days) {
		return Duration.ofDays(days);
	}

	/**
	 * This class's requests: a, SL, submitted 40 days ago, routine, valuation and statistics; b, SL,
	 * urgent geology, under review for 18 days; c, CI, statistics soon, submitted 2 days ago; d, CI,
	 * urgent valuation, open for matching for 29 days; e, SL, routine law, submitted an hour ago; and a
	 * draft of SL.
	 */
	record Mine(long a, long b, long c, long d, long e, long draft) {

		List<Long> all() {
			return List.of(this.a, this.b, this.c, this.d, this.e);
		}
	}

	/** What a list showed of ours: in its order, and which of them it flagged overdue. */
	record Listed(List<Long> ids, Set<Long> flaggedOverdue) {
	}
}
