package org.taexchange.accounts;

import java.util.Locale;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.audit.SecurityEventKind;
import org.taexchange.audit.SecurityEvents;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.Versions;

/** What a signed-in person changes about their own account on {@code /account}. */
@Service
class AccountSettings {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final AccountMail mail;

	private final SecurityEvents securityEvents;

	AccountSettings(Accounts accounts, PasswordEncoder passwordEncoder, AccountMail mail,
			SecurityEvents securityEvents) {
		this.securityEvents = securityEvents;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.mail = mail;
	}

	@Transactional(readOnly = true)
	Account account(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFound("account"));
	}

	/** Name, position and language, as the form showed them at {@code version} (409 when stale). */
	@Transactional
	void updateProfile(long id, ProfileForm form) {
		Account account = account(id);
		Versions.requireUnchanged(Account.class, id, account.getVersion(), form.getVersion());
		account.updateProfile(form.getFullName().strip(),
				form.getPosition() == null || form.getPosition().isBlank() ? null : form.getPosition().strip(),
				Locale.forLanguageTag(form.getLanguage()));
		this.accounts.save(account);
	}

	/**
	 * A new password for a person who gives the current one; {@code false} when that is wrong. Every
	 * session of the account ends (the caller keeps the current one) and a mail says it changed. The
	 * new password must have passed {@link PasswordPolicy}.
	 */
	@Transactional
	boolean changePassword(long id, String currentPassword, String newPassword) {
		Account account = account(id);
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			return false;
		}
		account.changePassword(this.passwordEncoder.encode(newPassword));
		this.accounts.save(account);
		this.securityEvents.record(SecurityEventKind.PASSWORD_CHANGED, account.getEmail(), account.getId(), null);
		this.mail.sendAfterCommit(account, "passwordChanged", account.getFullName(),
				this.mail.link("/password/forgot", null));
		return true;
	}

	/** "Sign out everywhere else": every session of the account ends (the caller keeps the current one). */
	@Transactional
	void endSessions(long id) {
		Account account = account(id);
		account.endSessions();
		this.accounts.save(account);
		this.securityEvents.record(SecurityEventKind.SESSIONS_ENDED, account.getEmail(), account.getId(),
				"sign out everywhere else");
	}
}
