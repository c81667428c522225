package org.taexchange.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of submitted requests that wait for a coordinator past their deadline (for reminders). */
@Service
public class WaitingRequests {

	/** A request past its triage deadline; {@code since} is when it began to wait (a reminder goes once per wait). */
	public record Overdue(long requestId, String reference, Instant since, LocalDate due) {
	}

	private final AssistanceRequests requests;

	private final TriageDeadline deadline;

	WaitingRequests(AssistanceRequests requests, TriageDeadline deadline) {
		this.requests = requests;
		this.deadline = deadline;
	}

	/** The last day of the triage of a request submitted at that moment ({@code app.requests.triage-working-days}). */
	public LocalDate triageDue(Instant submittedAt) {
		return this.deadline.dueDate(submittedAt);
	}

	/** Requests submitted or under review and past their triage deadline on that day, the longest waiting first. */
	@Transactional(readOnly = true)
	public List<Overdue> overdueOn(LocalDate day) {
		return this.requests
			.findByStatusInAndStatusChangedAtBeforeOrderByStatusChangedAt(
					List.of(RequestStatus.SUBMITTED, RequestStatus.UNDER_REVIEW), this.deadline.overdueBefore(day))
			.stream()
			.map(r -> new Overdue(r.getId(), r.getReference(), r.getStatusChangedAt(),
					this.deadline.dueDate(r.getStatusChangedAt())))
			.toList();
	}
}
