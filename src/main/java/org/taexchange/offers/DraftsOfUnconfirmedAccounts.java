package org.taexchange.offers;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.UnconfirmedAccountRemoved;

/**
 * An account whose address was never confirmed is removed: its offer drafts go with it. Such an
 * account cannot have submitted anything.
 */
@Component("offerDraftsOfUnconfirmedAccounts")
class DraftsOfUnconfirmedAccounts {

	private final Offers offers;

	DraftsOfUnconfirmedAccounts(Offers offers) {
		this.offers = offers;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnconfirmedAccountRemoved removed) {
		this.offers
			.deleteAll(this.offers.findByOwnerIdAndStatusOrderByUpdatedAtDesc(removed.accountId(), OfferStatus.DRAFT));
		this.offers.flush();
	}
}
