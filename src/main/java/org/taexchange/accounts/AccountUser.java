package org.taexchange.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import org.taexchange.audit.SignedInAccount;
import org.taexchange.platform.LocalePreference;
import org.taexchange.platform.SecondFactor;

/**
 * The signed-in person as other modules see them: their account, role, participant or organisation,
 * language, and whether they may submit yet.
 */
public final class AccountUser
		implements UserDetails, CredentialsContainer, LocalePreference, SignedInAccount, SecondFactor.Holder {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private String passwordHash;

	private final String fullName;

	private final Role role;

	private final String participantCode;

	private final Long organisationId;

	private final String language;

	private final boolean approved;

	private final boolean participantActive;

	private final boolean locked;

	private final boolean enabled;

	private final int sessionGeneration;

	private final Instant signedInAt;

	private final boolean secondFactor;

	/**
	 * The account as it is now.
	 * @param participantActive whether the official's participant takes part in the scheme today
	 * (always {@code true} for people who belong to no participant)
	 * @param secondFactor whether the account has an authenticator app or a passkey set up
	 * @param now when the person signs in, or when a session's principal is brought up to date
	 */
	AccountUser(Account account, boolean locked, boolean participantActive, boolean secondFactor, Instant now) {
		this.id = account.getId();
		this.email = account.getEmail();
		this.passwordHash = account.getPasswordHash();
		this.fullName = account.getFullName();
		this.role = account.getRole();
		this.participantCode = account.getParticipantCode();
		this.organisationId = account.getOrganisationId();
		this.language = account.getLanguage();
		this.approved = account.maySubmit();
		this.participantActive = participantActive;
		this.locked = locked;
		this.enabled = account.getStatus() != AccountStatus.REJECTED && account.getStatus() != AccountStatus.DISABLED;
		this.sessionGeneration = account.getSessionGeneration();
		this.signedInAt = now;
		this.secondFactor = secondFactor;
	}

	/** The same person, brought up to date, keeping when the session began. */
	AccountUser(Account account, boolean participantActive, boolean secondFactor, AccountUser signedIn) {
		this(account, false, participantActive, secondFactor, signedIn.signedInAt);
	}

	@Override
	public long id() {
		return this.id;
	}

	public String fullName() {
		return this.fullName;
	}

	public Role role() {
		return this.role;
	}

	/** The participant a requester belongs to, or {@code null}. */
	public String participantCode() {
		return this.participantCode;
	}

	/** The organisation a provider belongs to, or {@code null}. */
	public Long organisationId() {
		return this.organisationId;
	}

	/**
	 * Verified and approved: may see their participant's or organisation's work. Brought up to date
	 * on every request of a session.
	 */
	public boolean approved() {
		return this.approved;
	}

	/** Approved, and (for an official) their participant is in good standing: may submit and decide. */
	public boolean maySubmit() {
		return this.approved && this.participantActive;
	}

	/** An approved official whose participant is suspended, expelled or withdrawn: reads, submits nothing. */
	public boolean participantSuspended() {
		return this.approved && !this.participantActive;
	}

	int sessionGeneration() {
		return this.sessionGeneration;
	}

	Instant signedInAt() {
		return this.signedInAt;
	}

	@Override
	public boolean hasSecondFactor() {
		return this.secondFactor;
	}

	@Override
	public boolean isStaff() {
		return this.role.isStaff();
	}

	@Override
	public Locale preferredLocale() {
		return Locale.forLanguageTag(this.language);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountUser user && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "AccountUser[" + this.email + ", " + this.role + "]";
	}
}
