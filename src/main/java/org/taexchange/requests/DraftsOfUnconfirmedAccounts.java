package org.taexchange.requests;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.UnconfirmedAccountRemoved;

/**
 * An account whose address was never confirmed is removed: its drafts go with it (their files and
 * timelines follow in the database). Such an account cannot have submitted anything.
 */
@Component("requestDraftsOfUnconfirmedAccounts")
class DraftsOfUnconfirmedAccounts {

	private final AssistanceRequests requests;

	DraftsOfUnconfirmedAccounts(AssistanceRequests requests) {
		this.requests = requests;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnconfirmedAccountRemoved removed) {
		this.requests.deleteAll(
				this.requests.findByOwnerIdAndStatusOrderByUpdatedAtDesc(removed.accountId(), RequestStatus.DRAFT));
		this.requests.flush();
	}
}
