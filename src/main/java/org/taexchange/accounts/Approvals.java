package org.taexchange.accounts;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.participants.Directory;
import org.taexchange.platform.AdminTile;
import org.taexchange.platform.AdminTiles;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.Versions;

/**
 * Coordinators approve or turn down registrations. An organisation named at registration is vetted
 * (or turned down) with the account of the person who named it.
 */
@Service
class Approvals implements AdminTiles {

	private final Accounts accounts;

	private final Directory directory;

	private final Clock clock;

	Approvals(Accounts accounts, Directory directory, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.clock = clock;
	}

	@Transactional
	void approve(long accountId, long expectedVersion, String coordinator) {
		Account account = current(accountId, expectedVersion);
		account.approve(coordinator, this.clock);
		if (account.getOrganisationId() != null) {
			this.directory.vetOrganisation(account.getOrganisationId(), coordinator);
		}
		this.accounts.save(account);
	}

	@Transactional
	void reject(long accountId, long expectedVersion, String coordinator, String reason) {
		Account account = current(accountId, expectedVersion);
		account.reject(coordinator, reason, this.clock);
		if (account.getOrganisationId() != null) {
			this.directory.rejectProposedOrganisation(account.getOrganisationId(), coordinator, reason);
		}
		this.accounts.save(account);
	}

	private Account current(long accountId, long expectedVersion) {
		Account account = this.accounts.findById(accountId).orElseThrow(() -> new NotFound("account"));
		Versions.requireUnchanged(Account.class, accountId, account.getVersion(), expectedVersion);
		return account;
	}

	@Override
	@Transactional(readOnly = true)
	public AdminTile tile() {
		return new AdminTile("admin.tile.accounts",
				this.accounts.countByStatusAndEmailVerifiedAtIsNotNull(AccountStatus.PENDING), "/admin/accounts");
	}
}
