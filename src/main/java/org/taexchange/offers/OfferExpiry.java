package org.taexchange.offers;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.platform.IllegalTransition;

/**
 * Ends the offers whose availability window has passed, every night. Each offer
 * expires in its own transaction through the aggregate; when several instances run the job at once,
 * the offer's version lets one of them expire it and the others skip it, so each offer changes once.
 */
@Component
class OfferExpiry {

	private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

	private static final List<OfferStatus> EXPIRABLE = List.of(OfferStatus.SUBMITTED, OfferStatus.CHANGES_ASKED,
			OfferStatus.PUBLISHED, OfferStatus.PAUSED, OfferStatus.EXHAUSTED);

	private final Offers offers;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OfferExpiry(Offers offers, TransactionTemplate transactions, Clock clock) {
		this.offers = offers;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Expires what is due and returns how many offers this run expired. */
	@Scheduled(cron = "${app.offers.expiry-cron:0 15 0 * * *}", zone = "UTC")
	int expireOffersPastTheirWindow() {
		List<Long> due = this.transactions.execute(status -> this.offers
			.findByStatusInAndAvailableUntilBefore(EXPIRABLE, Offer.today(this.clock))
			.stream()
			.map(Offer::getId)
			.toList());
		int expired = 0;
		for (Long id : due) {
			try {
				Boolean done = this.transactions.execute(status -> {
					Offer offer = this.offers.findById(id).orElse(null);
					if (offer == null || offer.getStatus().isFinal()) {
						return false;
					}
					offer.expire(this.clock);
					this.offers.saveAndFlush(offer);
					return true;
				});
				expired += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (ObjectOptimisticLockingFailureException | IllegalTransition ex) {
				// another run (or a person) changed it first: nothing to do here
			}
		}
		if (expired > 0) {
			log.info("Expired {} offers whose window had passed", expired);
		}
		return expired;
	}
}
