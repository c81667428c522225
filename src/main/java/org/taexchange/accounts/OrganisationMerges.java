package org.taexchange.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.participants.OrganisationMerged;

/**
 * When a duplicate organisation is merged, its providers move to the organisation it was merged
 * into, in the same transaction as the merge (their next sign-in shows it).
 */
@Component("accountsOrganisationMerges")
class OrganisationMerges {

	private final Accounts accounts;

	OrganisationMerges(Accounts accounts) {
		this.accounts = accounts;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OrganisationMerged merged) {
		this.accounts.findByOrganisationId(merged.mergedId()).forEach(account -> {
			account.organisationMerged(merged.mergedId(), merged.intoId());
			this.accounts.save(account);
		});
	}
}
