package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import org.taexchange.audit.DecisionMade;
import org.taexchange.platform.IllegalTransition;

/**
 * A person's account. Requesters belong to a participant, providers to an organisation. An account
 * can sign in as soon as it exists, but submits nothing until its email address is verified and a
 * coordinator has approved it.
 */
@Entity
@Table(name = "account")
class Account extends AbstractAggregateRoot<Account> {

	static final String SUBJECT = "ACCOUNT";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String passwordHash;

	private String fullName;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Enumerated(EnumType.STRING)
	private AccountStatus status;

	private Instant emailVerifiedAt;

	private String participantCode;

	private String position;

	private String authority;

	private Long organisationId;

	private String language;

	private int failedSignIns;

	private int sessionGeneration;

	private Instant lockedUntil;

	private Instant createdAt;

	private Instant decidedAt;

	private String decidedBy;

	private String decisionReason;

	@Version
	private Long version;

	protected Account() {
	}

	private Account(EmailAddress email, String passwordHash, String fullName, Role role, Locale language,
			Clock clock) {
		this.email = email.value();
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.role = role;
		this.status = AccountStatus.PENDING;
		this.language = language.getLanguage();
		this.createdAt = clock.instant();
	}

	/** An official of a participant asks for an account. */
	static Account registerRequester(EmailAddress email, String passwordHash, String fullName, Locale language,
			String participantCode, String position, String authority, Clock clock) {
		Account account = new Account(email, passwordHash, fullName, Role.REQUESTER, language, clock);
		account.participantCode = participantCode;
		account.position = position;
		account.authority = authority;
		account.registered(email.value(), clock);
		return account;
	}

	/** Staff of an organisation ask for an account. */
	static Account registerProvider(EmailAddress email, String passwordHash, String fullName, Locale language,
			long organisationId, String position, Clock clock) {
		Account account = new Account(email, passwordHash, fullName, Role.PROVIDER, language, clock);
		account.organisationId = organisationId;
		account.position = position;
		account.registered(email.value(), clock);
		return account;
	}

	/** Coordinating-organisation staff, created by the portal (first admin, demo data): verified and approved. */
	static Account staff(EmailAddress email, String passwordHash, String fullName, Role role, Locale language,
			Clock clock) {
		if (role != Role.COORDINATOR && role != Role.ADMIN) {
			throw new IllegalArgumentException("Staff accounts are coordinators or admins");
		}
		Account account = new Account(email, passwordHash, fullName, role, language, clock);
		account.emailVerifiedAt = clock.instant();
		account.status = AccountStatus.APPROVED;
		account.decidedAt = clock.instant();
		account.decidedBy = DecisionMade.SYSTEM;
		account.registerEvent(new DecisionMade(clock.instant(), DecisionMade.SYSTEM, SUBJECT, account.email,
				"CREATED", null, AccountStatus.APPROVED.name(), null));
		return account;
	}

	/**
	 * A coordinator or admin account an admin creates by invitation: approved, but nobody can sign in
	 * with it until the invitee sets a password through the link mailed to them (the hash given here
	 * is of a random secret nobody keeps). Setting it confirms the address.
	 */
	static Account invitedStaff(EmailAddress email, String unusablePasswordHash, String fullName, Role role,
			Locale language, String admin, Clock clock) {
		if (role != Role.COORDINATOR && role != Role.ADMIN) {
			throw new IllegalArgumentException("Staff accounts are coordinators or admins");
		}
		Account account = new Account(email, unusablePasswordHash, fullName, role, language, clock);
		account.status = AccountStatus.APPROVED;
		account.decidedAt = clock.instant();
		account.decidedBy = admin;
		account.registerEvent(new DecisionMade(clock.instant(), admin, SUBJECT, account.email, "INVITED", null,
				AccountStatus.APPROVED.name(), role.name()));
		return account;
	}

	private void registered(String actor, Clock clock) {
		registerEvent(new DecisionMade(clock.instant(), actor, SUBJECT, this.email, "REGISTERED", null,
				AccountStatus.PENDING.name(), null));
	}

	/** The person followed the link in the verification mail. Verifying twice changes nothing. */
	void verifyEmail(Clock clock) {
		if (this.emailVerifiedAt != null) {
			return;
		}
		this.emailVerifiedAt = clock.instant();
		registerEvent(new DecisionMade(clock.instant(), this.email, SUBJECT, this.email, "EMAIL_VERIFIED", null, null,
				null));
	}

	/** A coordinator approves a verified account: from now on it may submit. */
	void approve(String coordinator, Clock clock) {
		if (this.status != AccountStatus.PENDING || this.emailVerifiedAt == null) {
			throw new IllegalTransition("account", stateName(), "APPROVED");
		}
		decide(AccountStatus.APPROVED, "APPROVED", coordinator, null, clock);
		registerEvent(new AccountApproved(this.email));
	}

	/** A coordinator turns down a pending account, with a reason. */
	void reject(String coordinator, String reason, Clock clock) {
		if (this.status != AccountStatus.PENDING) {
			throw new IllegalTransition("account", stateName(), "REJECTED");
		}
		requireReason(reason);
		decide(AccountStatus.REJECTED, "REJECTED", coordinator, reason.strip(), clock);
	}

	private void decide(AccountStatus target, String action, String coordinator, String reason, Clock clock) {
		AccountStatus before = this.status;
		this.status = target;
		this.decidedAt = clock.instant();
		this.decidedBy = coordinator;
		this.decisionReason = reason;
		registerEvent(new DecisionMade(clock.instant(), coordinator, SUBJECT, this.email, action, before.name(),
				target.name(), reason));
	}

	/**
	 * An admin disables an approved account (someone left, or misuses it): it can no longer sign in,
	 * and every session it holds ends at its next request.
	 */
	void disable(String admin, String reason, Clock clock) {
		if (this.status != AccountStatus.APPROVED) {
			throw new IllegalTransition("account", stateName(), "DISABLED");
		}
		requireReason(reason);
		decide(AccountStatus.DISABLED, "DISABLED", admin, reason.strip(), clock);
		this.sessionGeneration++;
	}

	/** An admin gives a disabled account back its access. */
	void enable(String admin, String reason, Clock clock) {
		if (this.status != AccountStatus.DISABLED) {
			throw new IllegalTransition("account", stateName(), "APPROVED");
		}
		requireReason(reason);
		decide(AccountStatus.APPROVED, "ENABLED", admin, reason.strip(), clock);
	}

	/**
	 * An admin moves an official to another participant, or a provider to another organisation
	 * (a ministry was reorganised, a person changed employer). Sessions end: what the person may
	 * see changes with it.
	 */
	void reassign(String participantCode, Long organisationId, String admin, String reason, Clock clock) {
		requireReason(reason);
		String before;
		String after;
		if (this.role == Role.REQUESTER && participantCode != null) {
			before = this.participantCode;
			after = participantCode;
			this.participantCode = participantCode;
		}
		else if (this.role == Role.PROVIDER && organisationId != null) {
			before = String.valueOf(this.organisationId);
			after = String.valueOf(organisationId);
			this.organisationId = organisationId;
		}
		else {
			throw new IllegalTransition("account", stateName(), "REASSIGNED");
		}
		if (before.equals(after)) {
			return;
		}
		this.sessionGeneration++;
		registerEvent(new DecisionMade(clock.instant(), admin, SUBJECT, this.email, "REASSIGNED", before, after,
				reason.strip()));
	}

	/** Every session of this account ends at its next request ("sign out everywhere", new password). */
	void endSessions() {
		this.sessionGeneration++;
	}

	/**
	 * A new password, chosen by the person: they knew the old one, or proved they read the mailbox.
	 * Every session of the account ends, and a lock after wrong guesses is lifted.
	 */
	void changePassword(String newPasswordHash) {
		this.passwordHash = newPasswordHash;
		this.failedSignIns = 0;
		this.lockedUntil = null;
		endSessions();
	}

	/**
	 * A password set through a mailed link (a reset or an invitation). Following the link proves the
	 * person reads the mailbox, so the address counts as confirmed; a pending account stays pending.
	 */
	void setPasswordFromLink(String newPasswordHash, Clock clock) {
		changePassword(newPasswordHash);
		verifyEmail(clock);
	}

	/** Whether a forgotten password may be reset: not for accounts turned down or disabled. */
	boolean mayResetPassword() {
		return this.status != AccountStatus.REJECTED && this.status != AccountStatus.DISABLED;
	}

	/** The person changes their name, position and language (of their pages and mail). */
	void updateProfile(String fullName, String position, Locale language) {
		this.fullName = fullName;
		this.position = position;
		this.language = language.getLanguage();
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("This decision needs a reason");
		}
	}

	/**
	 * A wrong password was given; after too many in a row the account is locked for a while, and the
	 * person is told by mail ({@link AccountLocked}).
	 */
	void recordFailedSignIn(int maxFailures, Duration lockDuration, Clock clock) {
		if (isLocked(clock)) {
			return; // a guess checked while the lock was being set counts toward nothing more
		}
		this.failedSignIns++;
		if (this.failedSignIns >= maxFailures) {
			this.failedSignIns = 0;
			lock(lockDuration, clock, maxFailures, maxFailures + " failed sign-ins");
		}
	}

	/**
	 * Too many wrong second-factor codes in a row (counted by the {@link AuthenticatorApp}, which a
	 * right password does not reset): the account is locked for a while, as after wrong passwords.
	 */
	void lockAfterWrongCodes(int wrongCodes, Duration lockDuration, Clock clock) {
		lock(lockDuration, clock, wrongCodes, wrongCodes + " wrong second-factor codes");
	}

	/** Locked for a while; logged, and the person is told by mail once ({@link AccountLocked}). */
	private void lock(Duration lockDuration, Clock clock, int failures, String after) {
		this.lockedUntil = clock.instant().plus(lockDuration);
		registerEvent(new DecisionMade(clock.instant(), DecisionMade.SYSTEM, SUBJECT, this.email, "LOCKED", null,
				null, "Locked until " + this.lockedUntil + " after " + after));
		registerEvent(new AccountLocked(this.email, this.lockedUntil, failures));
	}

	/** The person set up an authenticator app: logged, as the account's security changed. */
	void secondFactorAdded(Clock clock) {
		registerEvent(new DecisionMade(clock.instant(), this.email, SUBJECT, this.email, "SECOND_FACTOR_ADDED", null,
				null, null));
	}

	/**
	 * An admin removes the second factor of a person who lost both their app and their recovery codes,
	 * with a reason. Every session of the account ends; a coordinator or admin sets up a new app at the
	 * next sign-in. Nobody resets their own factor this way.
	 */
	void secondFactorReset(String admin, String reason, Clock clock) {
		if (this.email.equals(admin)) {
			throw new IllegalTransition("account", stateName(), "FACTOR_RESET");
		}
		requireReason(reason);
		endSessions();
		registerEvent(new DecisionMade(clock.instant(), admin, SUBJECT, this.email, "FACTOR_RESET", null, null,
				reason.strip()));
	}

	void recordSuccessfulSignIn() {
		this.failedSignIns = 0;
		this.lockedUntil = null;
	}

	boolean isLocked(Clock clock) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(clock.instant());
	}

	/** Verified and approved: may submit requests or offers. */
	boolean maySubmit() {
		return this.emailVerifiedAt != null && this.status == AccountStatus.APPROVED;
	}

	private String stateName() {
		return this.emailVerifiedAt == null && this.status == AccountStatus.PENDING ? "UNVERIFIED" : this.status.name();
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public String getFullName() {
		return this.fullName;
	}

	public Role getRole() {
		return this.role;
	}

	public AccountStatus getStatus() {
		return this.status;
	}

	public Instant getEmailVerifiedAt() {
		return this.emailVerifiedAt;
	}

	public boolean isEmailVerified() {
		return this.emailVerifiedAt != null;
	}

	public String getParticipantCode() {
		return this.participantCode;
	}

	public String getPosition() {
		return this.position;
	}

	public String getAuthority() {
		return this.authority;
	}

	/** The provider's organisation was merged into another: the provider now belongs to that one. */
	void organisationMerged(long mergedId, long intoId) {
		if (this.organisationId != null && this.organisationId == mergedId) {
			this.organisationId = intoId;
		}
	}

	public Long getOrganisationId() {
		return this.organisationId;
	}

	public String getLanguage() {
		return this.language;
	}

	public Instant getLockedUntil() {
		return this.lockedUntil;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public String getDecisionReason() {
		return this.decisionReason;
	}

	int getSessionGeneration() {
		return this.sessionGeneration;
	}

	public Long getVersion() {
		return this.version;
	}
}
