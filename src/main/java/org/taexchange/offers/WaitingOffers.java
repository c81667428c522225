package org.taexchange.offers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of submitted offers that wait for vetting past their deadline (for reminders). */
@Service
public class WaitingOffers {

	/** An offer past its vetting deadline; {@code since} is its submission (a reminder goes once per submission). */
	public record Overdue(long offerId, String reference, Instant since, LocalDate due) {
	}

	private final Offers offers;

	private final VettingDeadline deadline;

	WaitingOffers(Offers offers, VettingDeadline deadline) {
		this.offers = offers;
		this.deadline = deadline;
	}

	/** Offers submitted and not vetted by the end of their last day, on that day; the longest waiting first. */
	@Transactional(readOnly = true)
	public List<Overdue> overdueOn(LocalDate day) {
		return this.offers
			.findByStatusAndStatusChangedAtBeforeOrderByStatusChangedAt(OfferStatus.SUBMITTED,
					this.deadline.stage().overdueBefore(day))
			.stream()
			.map(o -> new Overdue(o.getId(), o.getReference(), o.getStatusChangedAt(),
					this.deadline.stage().dueDate(o.getStatusChangedAt())))
			.toList();
	}
}
