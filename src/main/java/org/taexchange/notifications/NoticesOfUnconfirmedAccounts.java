package org.taexchange.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.UnconfirmedAccountRemoved;

/** An account whose address was never confirmed is removed: whatever the bell kept for it goes too. */
@Component
class NoticesOfUnconfirmedAccounts {

	private final Notifications notifications;

	NoticesOfUnconfirmedAccounts(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnconfirmedAccountRemoved removed) {
		this.notifications.deleteByRecipientId(removed.accountId());
	}
}
