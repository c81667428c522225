package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.audit.SecurityEventKind;
import org.taexchange.audit.SecurityEvents;

/**
 * Passwords set through a mailed link: "forgot your password?" (valid {@code app.security.reset-validity},
 * one hour) and an admin's invitation to a staff account ({@code app.security.invitation-validity}).
 * Asking for a reset gets the same answer, in the same time, whether or not the address has an
 * account; accounts turned down or disabled get no link.
 */
@Service
class PasswordLinks {

	/** What a link is for, and whose password it sets (for the context words of the policy). */
	record Opened(PasswordToken.Purpose purpose, PasswordPolicy.Person person) {
	}

	private final Accounts accounts;

	private final PasswordTokens tokens;

	private final PasswordEncoder passwordEncoder;

	private final AccountMail mail;

	private final SecuritySettings settings;

	private final SecurityEvents securityEvents;

	private final Clock clock;

	PasswordLinks(Accounts accounts, PasswordTokens tokens, PasswordEncoder passwordEncoder, AccountMail mail,
			SecuritySettings settings, SecurityEvents securityEvents, Clock clock) {
		this.securityEvents = securityEvents;
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.mail = mail;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Mails a reset link to the address if it has an account that may reset its password. Either way
	 * the work done here is the same (one Argon2 hash, one look-up); the mail leaves after commit on
	 * another thread.
	 */
	@Transactional
	void requestReset(String email) {
		Optional<Account> account = EmailAddress.isValid(email)
				? this.accounts.findByEmail(new EmailAddress(email).value()).filter(Account::mayResetPassword)
				: Optional.empty();
		// as long for an unknown address as for a known one: no timing tells which addresses have accounts
		this.passwordEncoder.encode(OneTimeToken.generate().value());
		account.ifPresent(found -> {
			this.securityEvents.record(SecurityEventKind.PASSWORD_RESET_REQUESTED, found.getEmail(), found.getId(), null);
			String link = issue(found, PasswordToken.Purpose.RESET, this.settings.resetValidity());
			this.mail.sendAfterCommit(found, "passwordReset", found.getFullName(), link,
					this.settings.resetValidity().toMinutes());
		});
	}

	/** A new link for the account, stored by its hash; the link with the token, for the mail. */
	String issue(Account account, PasswordToken.Purpose purpose, Duration validity) {
		PasswordToken.Issued issued = PasswordToken.issue(account.getId(), purpose, validity, this.clock);
		this.tokens.save(issued.passwordToken());
		return this.mail.link("/password/reset", issued.token());
	}

	/** What the link opens, or empty when it is unknown, used or expired, or its account may not reset. */
	@Transactional(readOnly = true)
	Optional<Opened> open(String token) {
		return usable(token).flatMap(link -> this.accounts.findById(link.getAccountId())
			.filter(Account::mayResetPassword)
			.map(account -> new Opened(link.getPurpose(),
					new PasswordPolicy.Person(account.getFullName(), account.getEmail()))));
	}

	/**
	 * Sets the password the link was sent for; {@code false} when the link no longer works. Every
	 * link of the account is used up and every session of the account ends; following the link
	 * confirms the address. The password must have passed {@link PasswordPolicy}.
	 */
	@Transactional
	boolean setPassword(String token, String password) {
		Optional<PasswordToken> found = usable(token);
		if (found.isEmpty()) {
			return false;
		}
		PasswordToken link = found.get();
		Optional<Account> owner = this.accounts.findById(link.getAccountId()).filter(Account::mayResetPassword);
		if (owner.isEmpty()) {
			return false;
		}
		Account account = owner.get();
		account.setPasswordFromLink(this.passwordEncoder.encode(password), this.clock);
		this.accounts.save(account);
		this.tokens.useAllOf(account.getId(), this.clock.instant());
		if (link.getPurpose() == PasswordToken.Purpose.RESET) {
			this.securityEvents.record(SecurityEventKind.PASSWORD_RESET, account.getEmail(), account.getId(), null);
			this.mail.sendAfterCommit(account, "passwordChanged", account.getFullName(),
					this.mail.link("/password/forgot", null));
		}
		else {
			this.securityEvents.record(SecurityEventKind.PASSWORD_CHANGED, account.getEmail(), account.getId(),
					"invitation accepted");
		}
		return true;
	}

	private Optional<PasswordToken> usable(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return this.tokens.findById(OneTimeToken.hash(token)).filter(link -> link.isUsable(this.clock));
	}
}
