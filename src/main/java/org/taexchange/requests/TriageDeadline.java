package org.taexchange.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.taexchange.platform.StageDeadline;
import org.taexchange.platform.WorkingDays;

/**
 * How long a coordinator has to move a submitted request on: a number of working days (Monday to
 * Friday, in UTC) from the last status change, {@code app.requests.triage-working-days} (10).
 */
@Component
class TriageDeadline {

	private final StageDeadline stage;

	private final Clock clock;

	TriageDeadline(@Value("${app.requests.triage-working-days:10}") int workingDays, Clock clock) {
		this.stage = new StageDeadline(workingDays);
		this.clock = clock;
	}

	/** The day by which a request whose status changed at that moment should be moved on. */
	LocalDate dueDate(Instant statusChangedAt) {
		return this.stage.dueDate(statusChangedAt);
	}

	/** Waiting for the coordinator and past its due date. */
	boolean isOverdue(AssistanceRequest request) {
		return waitsForCoordinator(request.getStatus())
				&& this.stage.isOverdueOn(request.getStatusChangedAt(), LocalDate.now(this.clock));
	}

	/** The ids of the overdue requests among these, for a list to flag them. */
	Set<Long> overdueAmong(List<AssistanceRequest> requests) {
		return requests.stream().filter(this::isOverdue).map(AssistanceRequest::getId).collect(Collectors.toSet());
	}

	/** Days the request has waited for the coordinator, today. */
	long daysWaiting(AssistanceRequest request) {
		return StageDeadline.daysSince(request.getStatusChangedAt(), LocalDate.now(this.clock));
	}

	/** Requests whose status changed before this moment are overdue, if they still wait for the coordinator. */
	Instant overdueBefore() {
		return overdueBefore(LocalDate.now(this.clock));
	}

	/** The same on a given day. */
	Instant overdueBefore(LocalDate day) {
		return this.stage.overdueBefore(day);
	}

	static boolean waitsForCoordinator(RequestStatus status) {
		return status == RequestStatus.SUBMITTED || status == RequestStatus.UNDER_REVIEW;
	}

	static LocalDate addWorkingDays(LocalDate from, int days) {
		return WorkingDays.after(from, days);
	}
}
