package org.taexchange.offers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.taexchange.platform.StageDeadline;

/**
 * How long coordinators have to vet a submitted offer: {@code app.offers.vetting-working-days} (5)
 * working days from its submission (DESIGN §2).
 */
@Component
class VettingDeadline {

	private final StageDeadline stage;

	private final Clock clock;

	VettingDeadline(@Value("${app.offers.vetting-working-days:5}") int workingDays, Clock clock) {
		this.stage = new StageDeadline(workingDays);
		this.clock = clock;
	}

	StageDeadline stage() {
		return this.stage;
	}

	/** The last day of its vetting, for an offer that waits for it; null otherwise. */
	LocalDate dueDate(Offer offer) {
		return offer.getStatus() == OfferStatus.SUBMITTED ? this.stage.dueDate(offer.getStatusChangedAt()) : null;
	}

	boolean isOverdue(Offer offer) {
		return offer.getStatus() == OfferStatus.SUBMITTED
				&& this.stage.isOverdueOn(offer.getStatusChangedAt(), LocalDate.now(this.clock));
	}

	/** What an offer's page says of its vetting: since when it waits, for how many days, by when, and if late. */
	void describe(Offer offer, Model model) {
		boolean waiting = offer.getStatus() == OfferStatus.SUBMITTED;
		model.addAttribute("vettingDue", waiting ? this.stage.dueDate(offer.getStatusChangedAt()) : null);
		model.addAttribute("daysWaiting",
				waiting ? StageDeadline.daysSince(offer.getStatusChangedAt(), LocalDate.now(this.clock)) : null);
		model.addAttribute("overdue", isOverdue(offer));
	}

	/** The ids of the overdue offers among these, for a list to flag them. */
	Set<Long> overdueAmong(Collection<Offer> offers) {
		return offers.stream().filter(this::isOverdue).map(Offer::getId).collect(Collectors.toSet());
	}
}
