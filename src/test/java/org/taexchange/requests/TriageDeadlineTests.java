package org.taexchange.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import org.taexchange.participants.Modality;
import org.taexchange.requests.RequestMessage.Author;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinators' deadline, on a stopped clock: ten working days (Monday to Friday, in UTC) from
 * the last status change, and overdue from the day after. November 2026 starts on a Sunday: the 2nd
 * is a Monday, the 6th a Friday.
 */
class TriageDeadlineTests {

	static final String OFFICIAL = "official.sl@example.org";

	static final String COORDINATOR = "coordinator@example.org";

	private long nextId = 1;

	@Test
	void aDueDateIsTenWorkingDaysLaterSkippingWeekends() {
		TriageDeadline deadline = on("2026-11-02T09:00:00Z");
		assertThat(deadline.dueDate(Instant.parse("2026-11-02T09:00:00Z"))).as("from a Monday")
			.isEqualTo("2026-11-16");
		assertThat(deadline.dueDate(Instant.parse("2026-11-06T09:00:00Z"))).as("from a Friday")
			.isEqualTo("2026-11-20");
		assertThat(deadline.dueDate(Instant.parse("2026-11-07T09:00:00Z"))).as("from a Saturday")
			.isEqualTo("2026-11-20");
		assertThat(deadline.dueDate(Instant.parse("2026-11-08T09:00:00Z"))).as("from a Sunday")
			.isEqualTo("2026-11-20");
		assertThat(TriageDeadline.addWorkingDays(LocalDate.parse("2026-11-06"), 1)).as("a Friday and one day")
			.isEqualTo("2026-11-09");
		assertThat(TriageDeadline.addWorkingDays(LocalDate.parse("2026-11-05"), 1)).as("a Thursday and one day")
			.isEqualTo("2026-11-06");
	}

	@Test
	void theDayOfAChangeIsItsDayInUtc() {
		TriageDeadline deadline = on("2026-11-02T09:00:00Z");
		assertThat(deadline.dueDate(Instant.parse("2026-11-05T23:59:59Z"))).as("late on Thursday")
			.isEqualTo("2026-11-19");
		assertThat(deadline.dueDate(Instant.parse("2026-11-06T00:00:00Z"))).as("early on Friday")
			.isEqualTo("2026-11-20");
	}

	@Test
	void theNumberOfWorkingDaysIsASetting() {
		TriageDeadline deadline = new TriageDeadline(3, clockAt("2026-11-02T09:00:00Z"));
		assertThat(deadline.dueDate(Instant.parse("2026-11-06T09:00:00Z"))).isEqualTo("2026-11-11");
	}

	@Test
	void aSubmittedRequestIsOverdueFromTheDayAfterItsDueDateAndNotBefore() {
		AssistanceRequest request = submittedAt("2026-11-02T09:00:00Z");
		assertThat(on("2026-11-13T12:00:00Z").isOverdue(request)).as("the Friday before").isFalse();
		assertThat(on("2026-11-16T00:00:00Z").isOverdue(request)).as("the due date, early").isFalse();
		assertThat(on("2026-11-16T23:59:59Z").isOverdue(request)).as("the due date, late").isFalse();
		assertThat(on("2026-11-17T00:00:00Z").isOverdue(request)).as("the day after").isTrue();
		assertThat(on("2026-12-31T12:00:00Z").isOverdue(request)).as("weeks later").isTrue();
	}

	@Test
	void aRequestSubmittedOnAFridayIsOverdueOnTheSaturdayTwoWeeksLater() {
		AssistanceRequest request = submittedAt("2026-11-06T17:00:00Z");
		assertThat(on("2026-11-20T23:00:00Z").isOverdue(request)).isFalse();
		assertThat(on("2026-11-21T00:00:00Z").isOverdue(request)).isTrue();
	}

	@Test
	void theDeadlineRunsFromTheLastChangeAndOnlyWhileACoordinatorHasToAct() {
		String lateEnough = "2026-12-31T12:00:00Z";
		AssistanceRequest underReview = submittedAt("2026-11-02T09:00:00Z");
		underReview.startReview(COORDINATOR, clockAt("2026-11-10T09:00:00Z"));
		assertThat(on("2026-11-24T12:00:00Z").isOverdue(underReview)).as("ten working days after the review started")
			.isFalse();
		assertThat(on("2026-11-25T00:00:00Z").isOverdue(underReview)).isTrue();

		AssistanceRequest askedAbout = submittedAt("2026-11-02T09:00:00Z");
		askedAbout.startReview(COORDINATOR, clockAt("2026-11-02T10:00:00Z"));
		askedAbout.askForInformation(new Author(2L, "Demo Coordinator", COORDINATOR, true), "Which sites?",
				clockAt("2026-11-02T11:00:00Z"));
		assertThat(on(lateEnough).isOverdue(askedAbout)).as("waiting for the requester").isFalse();

		AssistanceRequest held = submittedAt("2026-11-02T09:00:00Z");
		held.putOnHold(COORDINATOR, "Waiting for the donors", clockAt("2026-11-02T10:00:00Z"));
		assertThat(on(lateEnough).isOverdue(held)).as("on hold").isFalse();

		AssistanceRequest opened = submittedAt("2026-11-02T09:00:00Z");
		opened.startReview(COORDINATOR, clockAt("2026-11-02T10:00:00Z"));
		opened.openForMatching(COORDINATOR, clockAt("2026-11-02T11:00:00Z"));
		assertThat(on(lateEnough).isOverdue(opened)).as("open for matching").isFalse();

		AssistanceRequest rejected = submittedAt("2026-11-02T09:00:00Z");
		rejected.reject(COORDINATOR, "Outside the programme", clockAt("2026-11-02T10:00:00Z"));
		assertThat(on(lateEnough).isOverdue(rejected)).as("rejected").isFalse();
	}

	@Test
	void aListFlagsTheIdsOfItsOverdueRequests() {
		AssistanceRequest old = submittedAt("2026-11-02T09:00:00Z");
		AssistanceRequest recent = submittedAt("2026-11-20T09:00:00Z");
		assertThat(on("2026-11-24T12:00:00Z").overdueAmong(List.of(old, recent))).containsExactly(old.getId());
	}

	/**
	 * The queue's overdue filter compares the change with one moment; the flag compares due dates.
	 * On every day of two months, weekends and the turn of the year included, both agree on changes
	 * at the first and the last second of each of the sixty days before.
	 */
	@Test
	void theQueuesOverdueLimitAgreesWithTheFlagOnEveryDay() {
		List<AssistanceRequest> changes = new ArrayList<>();
		for (LocalDate day = LocalDate.parse("2026-09-20"); day.isBefore(LocalDate.parse("2027-01-16")); day = day
			.plusDays(1)) {
			Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
			changes.add(submittedAt(midnight.toString()));
			changes.add(submittedAt(midnight.plus(Duration.ofDays(1)).minusSeconds(1).toString()));
		}
		int overdueSeen = 0;
		for (LocalDate today = LocalDate.parse("2026-11-20"); today.isBefore(LocalDate.parse("2027-01-16")); today = today
			.plusDays(1)) {
			TriageDeadline deadline = on(today.atTime(12, 0).toInstant(ZoneOffset.UTC).toString());
			Instant limit = deadline.overdueBefore();
			for (AssistanceRequest request : changes) {
				if (request.getStatusChangedAt().isAfter(today.atTime(12, 0).toInstant(ZoneOffset.UTC))) {
					continue;
				}
				boolean overdue = deadline.isOverdue(request);
				assertThat(request.getStatusChangedAt().isBefore(limit))
					.as("on %s, a request changed at %s (overdue: %s, limit %s)", today, request.getStatusChangedAt(),
							overdue, limit)
					.isEqualTo(overdue);
				overdueSeen += overdue ? 1 : 0;
			}
		}
		assertThat(overdueSeen).as("the check met overdue requests").isPositive();
	}

	private static TriageDeadline on(String now) {
		return new TriageDeadline(10, clockAt(now));
	}

	private static Clock clockAt(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	/** A complete request submitted at that moment, its last status change. */
	private AssistanceRequest submittedAt(String instant) {
		Clock then = clockAt(instant);
		AssistanceRequest request = AssistanceRequest.draft(7L,
				new WhoIsAsking("SL", List.of("SL"), "Aminata Sesay", null, "focal.point@example.org", null), then);
		request.describe(new TheNeed("Valuation training", "No recent reference prices.", "Train valuers.",
				"Better valuations.", null, null, null, null), then);
		request.describe(new ExpertiseWanted(List.of("VALUATION"), "VALUATION", List.of(Modality.WORKSHOP)), then);
		request.describe(new Practicalities(List.of("en"), null, null, null, Urgency.ROUTINE, null, null,
				Funding.IN_KIND), then);
		long id = this.nextId++;
		ReflectionTestUtils.setField(request, "id", id);
		request.submit(ReferenceNumber.of(2026, (int) id), OFFICIAL, then);
		return request;
	}
}
