package org.taexchange.accounts;

import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.participants.Directory;

/**
 * The one place that decides whether a person may see or act for a participant or an organisation.
 * Every module asks it rather than comparing roles and ids itself. It reads the account and the
 * participant's membership from the database, not from the signed-in principal: an approval, a
 * suspension or a disabled account counts from the next question on.
 * <ul>
 * <li>to <em>see</em> a participant's requests or an organisation's offers and matches, a person must
 * belong to it, with a verified address and an account a coordinator approved (and not disabled);</li>
 * <li>to <em>act</em> for it (submit, change, decide), an official's participant must also take part in
 * the scheme today: officials of a suspended, expelled or withdrawn participant read their history
 * and submit nothing.</li>
 * </ul>
 * A person waiting for approval sees and changes nothing of their participant or organisation; only
 * their own drafts are theirs.
 */
@Service
@Transactional(readOnly = true)
public class Standing {

	private final Accounts accounts;

	private final Directory directory;

	private final SecuritySettings settings;

	Standing(Accounts accounts, Directory directory, SecuritySettings settings) {
		this.accounts = accounts;
		this.directory = directory;
		this.settings = settings;
	}

	/**
	 * Whether the person may start another draft of their own, holding this many: an approved
	 * account as many as it likes, one waiting for approval only {@code app.security.unapproved-drafts}.
	 */
	public boolean mayStartDraft(long accountId, long draftsHeld) {
		return draftsHeld < this.settings.unapprovedDrafts()
				|| this.accounts.findById(accountId).map(Account::maySubmit).orElse(false);
	}

	/** Verified, approved, and (for an official) their participant in good standing: may submit and decide. */
	public boolean maySubmit(long accountId) {
		return this.accounts.findById(accountId).map(this::mayAct).orElse(false);
	}

	/** Whether this person may read what belongs to the participant. */
	public boolean maySeeParticipant(AccountUser user, String participantCode) {
		return belongsToParticipant(user, participantCode)
				&& this.accounts.findById(user.id()).map(Account::maySubmit).orElse(false);
	}

	/** Whether this person may submit, change or decide for the participant. */
	public boolean mayActForParticipant(AccountUser user, String participantCode) {
		return belongsToParticipant(user, participantCode) && maySubmit(user.id());
	}

	/** Whether this person may read what belongs to the organisation, its drafts and declarations included. */
	public boolean maySeeOrganisation(AccountUser user, Long organisationId) {
		return belongsToOrganisation(user, organisationId)
				&& this.accounts.findById(user.id()).map(Account::maySubmit).orElse(false);
	}

	/** Whether this person may change or decide for the organisation. */
	public boolean mayActForOrganisation(AccountUser user, Long organisationId) {
		return belongsToOrganisation(user, organisationId) && maySubmit(user.id());
	}

	boolean mayAct(Account account) {
		return account.maySubmit() && participantActive(account);
	}

	/** Whether the official's participant takes part in the scheme today; true for anyone who is not an official. */
	boolean participantActive(Account account) {
		return account.getRole() != Role.REQUESTER || this.directory.isActiveParticipant(account.getParticipantCode());
	}

	private static boolean belongsToParticipant(AccountUser user, String participantCode) {
		return user.role() == Role.REQUESTER && participantCode != null
				&& participantCode.equals(user.participantCode());
	}

	private static boolean belongsToOrganisation(AccountUser user, Long organisationId) {
		return user.role() == Role.PROVIDER && organisationId != null
				&& Objects.equals(organisationId, user.organisationId());
	}
}
