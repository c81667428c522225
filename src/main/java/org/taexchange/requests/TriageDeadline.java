package org.taexchange.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.taexchange.platform.WorkingDays;

/**
 * How long a coordinator has to move a submitted request on: a number of working days (Monday to
 * Friday, in UTC) from the last status change, {@code app.requests.triage-working-days} (10).
 */
@Component
class TriageDeadline {

	private final int workingDays;

	private final Clock clock;

	TriageDeadline(@Value("${app.requests.triage-working-days:10}") int workingDays, Clock clock) {
		this.workingDays = workingDays;
		this.clock = clock;
	}

	/** The day by which a request whose status changed at that moment should be moved on. */
	LocalDate dueDate(Instant statusChangedAt) {
		return addWorkingDays(LocalDate.ofInstant(statusChangedAt, ZoneOffset.UTC), this.workingDays);
	}

	/** Waiting for the coordinator and past its due date. */
	boolean isOverdue(AssistanceRequest request) {
		return waitsForCoordinator(request.getStatus()) && LocalDate.now(this.clock).isAfter(dueDate(request.getStatusChangedAt()));
	}

	/** The ids of the overdue requests among these, for a list to flag them. */
	Set<Long> overdueAmong(List<AssistanceRequest> requests) {
		return requests.stream().filter(this::isOverdue).map(AssistanceRequest::getId).collect(Collectors.toSet());
	}

	/** Requests whose status changed before this moment are overdue, if they still wait for the coordinator. */
	Instant overdueBefore() {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate day = today;
		// the latest day whose due date is before today
		while (!dueDateOf(day).isBefore(today)) {
			day = day.minusDays(1);
		}
		return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private LocalDate dueDateOf(LocalDate day) {
		return addWorkingDays(day, this.workingDays);
	}

	static boolean waitsForCoordinator(RequestStatus status) {
		return status == RequestStatus.SUBMITTED || status == RequestStatus.UNDER_REVIEW;
	}

	static LocalDate addWorkingDays(LocalDate from, int days) {
		return WorkingDays.after(from, days);
	}
}
