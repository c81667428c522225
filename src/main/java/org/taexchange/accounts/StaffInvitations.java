package org.taexchange.accounts;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * An admin invites a coordinator or an admin: the account exists at once (approved, recorded in the
 * decision log as invited by that admin) but nobody can sign in with it until the invitee sets a
 * password through the mailed link, valid {@code app.security.invitation-validity}.
 */
@Service
class StaffInvitations {

	private final Accounts accounts;

	private final PasswordLinks links;

	private final PasswordEncoder passwordEncoder;

	private final AccountMail mail;

	private final SecuritySettings settings;

	private final Clock clock;

	StaffInvitations(Accounts accounts, PasswordLinks links, PasswordEncoder passwordEncoder, AccountMail mail,
			SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.links = links;
		this.passwordEncoder = passwordEncoder;
		this.mail = mail;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	void validate(InvitationForm form, Errors errors) {
		if (!errors.hasFieldErrors("email")) {
			if (!EmailAddress.isValid(form.getEmail())) {
				errors.rejectValue("email", "email.invalid");
			}
			else if (this.accounts.existsByEmail(new EmailAddress(form.getEmail()).value())) {
				errors.rejectValue("email", "invitation.email.taken");
			}
		}
		if (!errors.hasFieldErrors("role") && form.getRole() != null && !form.getRole().isStaff()) {
			errors.rejectValue("role", "choice.unknown");
		}
		if (!errors.hasFieldErrors("language") && !"en".equals(form.getLanguage()) && !"fr".equals(form.getLanguage())) {
			errors.rejectValue("language", "choice.unknown");
		}
	}

	/** Creates the account and mails the link. The form must have passed {@link #validate}. */
	@Transactional
	void invite(InvitationForm form, String admin) {
		// a password nobody knows: the account cannot be signed in to until the invitee sets one
		String unusable = this.passwordEncoder.encode(OneTimeToken.generate().value());
		Account account = this.accounts.saveAndFlush(Account.invitedStaff(new EmailAddress(form.getEmail()), unusable,
				form.getFullName().strip(), form.getRole(), Locale.forLanguageTag(form.getLanguage()), admin,
				this.clock));
		String link = this.links.issue(account, PasswordToken.Purpose.INVITATION, this.settings.invitationValidity());
		// TODO(audit): record STAFF_INVITED (by the admin, of the new account) here
		this.mail.sendAfterCommit(account, "invitation", account.getFullName(),
				new DefaultMessageSourceResolvable("role." + account.getRole()), link,
				this.settings.invitationValidity().toHours());
	}
}
