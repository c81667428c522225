package org.taexchange.accounts;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.participants.Directory;
import org.taexchange.participants.OrganisationStatus;
import org.taexchange.platform.AdminTile;
import org.taexchange.platform.AdminTiles;
import org.taexchange.platform.IllegalTransition;
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

	private final AuthenticatorApps apps;

	private final AccountMail mail;

	Approvals(Accounts accounts, Directory directory, AuthenticatorApps apps, AccountMail mail, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.apps = apps;
		this.mail = mail;
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

	/**
	 * An admin disables an approved account (its sessions end at their next request) or enables a
	 * disabled one.
	 */
	@Transactional
	void changeAccess(long accountId, long expectedVersion, boolean enable, String admin, String reason) {
		Account account = current(accountId, expectedVersion);
		if (enable) {
			account.enable(admin, reason, this.clock);
		}
		else {
			account.disable(admin, reason, this.clock);
		}
		this.accounts.save(account);
	}

	/** An admin moves an official to another active participant, or a provider to another active organisation. */
	@Transactional
	void reassign(long accountId, long expectedVersion, String participantCode, Long organisationId, String admin,
			String reason) {
		Account account = current(accountId, expectedVersion);
		if (participantCode != null && !this.directory.isActiveParticipant(participantCode)
				|| organisationId != null && this.directory.organisation(organisationId)
					.filter(o -> o.status() == OrganisationStatus.ACTIVE)
					.isEmpty()) {
			throw new IllegalTransition("account", account.getStatus().name(), "REASSIGNED");
		}
		account.reassign(participantCode, organisationId, admin, reason, this.clock);
		this.accounts.save(account);
	}

	/**
	 * An admin removes the authenticator app (and so its recovery codes) of a person who lost both: their
	 * sessions end, they get a mail, and they set up a new one at their next sign-in.
	 */
	@Transactional
	void resetSecondFactor(long accountId, long expectedVersion, String admin, String reason) {
		Account account = current(accountId, expectedVersion);
		AuthenticatorApp app = this.apps.findById(accountId)
			.orElseThrow(() -> new IllegalTransition("account", "NO_SECOND_FACTOR", "FACTOR_RESET"));
		account.secondFactorReset(admin, reason, this.clock);
		this.apps.delete(app);
		this.accounts.save(account);
		this.mail.sendAfterCommit(account, "factorReset", account.getFullName(), this.mail.link("/login", null));
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
