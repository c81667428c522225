package org.taexchange.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import org.taexchange.platform.LocalePreference;
import org.taexchange.platform.SecondFactor;

/**
 * The signed-in person as other modules see them: their account, role, participant or organisation,
 * language, and whether they may submit yet.
 */
public final class AccountUser implements UserDetails, CredentialsContainer, LocalePreference, SecondFactor.Holder {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private String passwordHash;

	private final String fullName;

	private final Role role;

	private final String participantCode;

	private final Long organisationId;

	private final String language;

	private final boolean maySubmit;

	private final boolean locked;

	private final boolean rejected;

	private final boolean secondFactor;

	AccountUser(Account account, boolean locked, boolean secondFactor) {
		this.id = account.getId();
		this.email = account.getEmail();
		this.passwordHash = account.getPasswordHash();
		this.fullName = account.getFullName();
		this.role = account.getRole();
		this.participantCode = account.getParticipantCode();
		this.organisationId = account.getOrganisationId();
		this.language = account.getLanguage();
		this.maySubmit = account.maySubmit();
		this.locked = locked;
		this.rejected = account.getStatus() == AccountStatus.REJECTED;
		this.secondFactor = secondFactor;
	}

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

	/** Verified and approved when this person signed in. */
	public boolean maySubmit() {
		return this.maySubmit;
	}

	@Override
	public boolean hasSecondFactor() {
		return this.secondFactor;
	}

	@Override
	public boolean isStaff() {
		return this.role == Role.COORDINATOR || this.role == Role.ADMIN;
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
		return !this.rejected;
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
