package org.taexchange.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.audit.DecisionMade;

/**
 * Removes, every night, the accounts whose address was never confirmed within
 * {@code app.security.unconfirmed-account-days} of registering, with what they kept (drafts, links,
 * notifications), so that the address can register again and nobody's unconfirmed data stays for
 * ever. Each account goes in its own transaction, locked and checked again first: when two instances
 * run at once, or the person confirms at that moment, each account is removed once or not at all.
 * The removal is a line of the decision log (by the portal), like the account's registration was.
 */
@Component
class UnconfirmedAccounts {

	private static final Logger log = LoggerFactory.getLogger(UnconfirmedAccounts.class);

	private final Accounts accounts;

	private final AuthenticatorApps apps;

	private final SecuritySettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	UnconfirmedAccounts(Accounts accounts, AuthenticatorApps apps, SecuritySettings settings,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.apps = apps;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${app.security.unconfirmed-accounts-cron:0 30 0 * * *}", zone = "UTC")
	@SchedulerLock(name = "unconfirmed-accounts")
	void removeScheduled() {
		removeExpired();
	}

	/** Removes the accounts unconfirmed for longer than allowed; returns how many this run removed. */
	int removeExpired() {
		Instant now = this.clock.instant();
		Instant before = now.minus(this.settings.unconfirmedAccountLifetime());
		List<Long> due = this.transactions.execute(status -> this.accounts.unconfirmedSince(before));
		int removed = 0;
		for (Long id : due) {
			try {
				Boolean done = this.transactions.execute(status -> remove(id, before, now));
				removed += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (DataAccessException ex) {
				// something still points at the account (it cannot have submitted anything): keep it, say so
				log.warn("Unconfirmed account {} could not be removed: {}", id, ex.getMessage());
			}
		}
		if (removed > 0) {
			log.info("Removed {} accounts whose address was not confirmed within {} days", removed,
					this.settings.unconfirmedAccountDays());
		}
		return removed;
	}

	private boolean remove(long id, Instant before, Instant now) {
		return this.accounts.lockUnconfirmed(id, before).map(account -> {
			this.events.publishEvent(new UnconfirmedAccountRemoved(id));
			this.apps.findById(id).ifPresent(this.apps::delete);
			this.events.publishEvent(new DecisionMade(now, DecisionMade.SYSTEM, Account.SUBJECT, account.getEmail(),
					"EXPIRED", account.getStatus().name(), null, "Address not confirmed within "
							+ this.settings.unconfirmedAccountDays() + " days of registering"));
			this.accounts.delete(account);
			this.accounts.flush();
			return true;
		}).orElse(false);
	}
}
