package org.taexchange.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import org.taexchange.platform.StageDeadline;

/**
 * Each side has a number of working days for its move ({@code app.matching.deadlines.*}): the
 * coordinator to approve a proposal, the provider to answer, the requester to confirm.
 */
@Component
class MatchDeadlines {

	private final MatchingSettings.Deadlines days;

	private final Clock clock;

	MatchDeadlines(MatchingSettings settings, Clock clock) {
		this.days = settings.deadlines();
		this.clock = clock;
	}

	/** The day by which the match's current stage should be answered, or null when nobody is waited for. */
	LocalDate dueDate(Match match) {
		int working = switch (match.getStatus()) {
			case PROPOSED -> this.days.approval();
			case APPROVED -> this.days.providerAnswer();
			case ACCEPTED -> this.days.confirmation();
			default -> -1;
		};
		return working < 0 ? null
				: new StageDeadline(working).dueDate(match.getStatusChangedAt());
	}

	/** The provider's last day to answer a match approved at that moment. */
	LocalDate answerDue(Instant approvedAt) {
		return new StageDeadline(this.days.providerAnswer()).dueDate(approvedAt);
	}

	/** The officials' last day to confirm a match accepted at that moment. */
	LocalDate confirmationDue(Instant acceptedAt) {
		return new StageDeadline(this.days.confirmation()).dueDate(acceptedAt);
	}

	boolean isOverdue(Match match) {
		return isOverdueOn(match, LocalDate.now(this.clock));
	}

	/** Past its due date on that day: the day after the last working day given. */
	boolean isOverdueOn(Match match, LocalDate day) {
		LocalDate due = dueDate(match);
		return due != null && day.isAfter(due);
	}
}
