package org.taexchange.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of matches that wait for someone past their deadline (for reminders). */
@Service
public class WaitingMatches {

	/**
	 * A match past the deadline of its stage.
	 *
	 * @param waitingFor who is expected to move: {@code COORDINATOR}, {@code PROVIDER} or {@code REQUESTER}
	 * @param since when the stage began (a reminder is sent once per stage)
	 */
	public record Overdue(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId, String waitingFor, Instant since, LocalDate due) {
	}

	private final Matches matches;

	private final MatchDeadlines deadlines;

	WaitingMatches(Matches matches, MatchDeadlines deadlines) {
		this.matches = matches;
		this.deadlines = deadlines;
	}

	/** The provider's last day to answer a match approved at that moment ({@code app.matching.deadlines.*}). */
	public LocalDate answerDue(Instant approvedAt) {
		return this.deadlines.answerDue(approvedAt);
	}

	/** The officials' last day to confirm a match accepted at that moment ({@code app.matching.deadlines.confirmation}). */
	public LocalDate confirmationDue(Instant acceptedAt) {
		return this.deadlines.confirmationDue(acceptedAt);
	}

	@Transactional(readOnly = true)
	public List<Overdue> overdueOn(LocalDate day) {
		return this.matches
			.findAll((root, query, cb) -> root.get("status")
				.in(MatchStatus.PROPOSED, MatchStatus.APPROVED, MatchStatus.ACCEPTED))
			.stream()
			.filter(m -> this.deadlines.isOverdueOn(m, day))
			.map(m -> new Overdue(m.getId(), m.getRequestReference(), m.getOfferReference(),
					m.getRequestingParticipant(), m.getOrganisationId(), switch (m.getStatus()) {
						case PROPOSED -> "COORDINATOR";
						case APPROVED -> "PROVIDER";
						default -> "REQUESTER";
					}, m.getStatusChangedAt(), this.deadlines.dueDate(m)))
			.toList();
	}
}
