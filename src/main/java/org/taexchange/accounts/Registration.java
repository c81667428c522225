package org.taexchange.accounts;

import java.time.Clock;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.web.util.UriComponentsBuilder;

import org.taexchange.participants.Directory;
import org.taexchange.participants.OrganisationStatus;
import org.taexchange.platform.MailOutbox;

/**
 * Registration and email verification. Registering with an address that already has an account
 * looks the same to the person registering (no account enumeration); the owner of the address
 * gets a mail saying so instead of a verification link.
 */
@Service
class Registration {

	private final Accounts accounts;

	private final EmailVerifications verifications;

	private final Directory directory;

	private final PasswordEncoder passwordEncoder;

	private final MailOutbox mail;

	private final MessageSource messages;

	private final SecuritySettings settings;

	private final String baseUrl;

	private final Clock clock;

	Registration(Accounts accounts, EmailVerifications verifications, Directory directory,
			PasswordEncoder passwordEncoder, MailOutbox mail, MessageSource messages, SecuritySettings settings,
			@Value("${app.public-base-url}") String baseUrl, Clock clock) {
		this.accounts = accounts;
		this.verifications = verifications;
		this.directory = directory;
		this.passwordEncoder = passwordEncoder;
		this.mail = mail;
		this.messages = messages;
		this.settings = settings;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	/** Checks what Bean Validation cannot: fields that depend on each other and on reference data. */
	void validate(RegistrationForm form, Errors errors) {
		if (!errors.hasFieldErrors("email") && !EmailAddress.isValid(form.getEmail())) {
			errors.rejectValue("email", "email.invalid");
		}
		PasswordPolicy.check(form.getPassword(), form.getPasswordConfirmation(),
				new PasswordPolicy.Person(form.getFullName(), form.getEmail()), errors);
		if (!errors.hasFieldErrors("language") && !"en".equals(form.getLanguage()) && !"fr".equals(form.getLanguage())) {
			errors.rejectValue("language", "choice.unknown");
		}
		if (form.getAccountType() == Role.REQUESTER) {
			if (!StringUtils.hasText(form.getParticipantCode())) {
				errors.rejectValue("participantCode", "registration.participant.required");
			}
			else if (!this.directory.isActiveParticipant(form.getParticipantCode())) {
				errors.rejectValue("participantCode", "choice.unknown");
			}
			requireText(form.getPosition(), "position", errors);
			requireText(form.getAuthority(), "authority", errors);
		}
		else if (form.getAccountType() == Role.PROVIDER) {
			boolean chosen = form.getOrganisationId() != null;
			boolean named = StringUtils.hasText(form.getNewOrganisationName());
			if (chosen == named) {
				errors.rejectValue("organisationId", "registration.organisation.oneOf");
			}
			else if (chosen && this.directory.organisation(form.getOrganisationId())
				.filter(o -> o.status() == OrganisationStatus.ACTIVE)
				.isEmpty()) {
				errors.rejectValue("organisationId", "choice.unknown");
			}
			else if (named && form.getNewOrganisationType() == null) {
				errors.rejectValue("newOrganisationType", "registration.organisationType.required");
			}
			requireText(form.getPosition(), "position", errors);
		}
		else if (!errors.hasFieldErrors("accountType")) {
			errors.rejectValue("accountType", "choice.unknown");
		}
	}

	private static void requireText(String value, String field, Errors errors) {
		if (!StringUtils.hasText(value) && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "field.required");
		}
	}

	/**
	 * Creates the account and its verification link, whose mail goes out once the account is committed
	 * (the {@link MailOutbox}): the person never waits on the SMTP server, and a mail refused for a while
	 * is sent when the server is back. The form must have passed {@link #validate}.
	 */
	@Transactional
	void register(RegistrationForm form) {
		EmailAddress email = new EmailAddress(form.getEmail());
		Locale language = Locale.forLanguageTag(form.getLanguage());
		// hashed either way: the time an answer takes must not tell whether the address is registered
		String hash = this.passwordEncoder.encode(form.getPassword());
		if (this.accounts.existsByEmail(email.value())) {
			this.accounts.findByEmail(email.value()).ifPresent(this::sendAlreadyRegistered);
			return;
		}
		Account account;
		if (form.getAccountType() == Role.REQUESTER) {
			account = Account.registerRequester(email, hash, form.getFullName().strip(), language,
					form.getParticipantCode(), form.getPosition().strip(), form.getAuthority().strip(), this.clock);
		}
		else {
			long organisationId = form.getOrganisationId() != null ? form.getOrganisationId()
					: this.directory.proposeOrganisation(form.getNewOrganisationName(), form.getNewOrganisationType(),
							email.value());
			account = Account.registerProvider(email, hash, form.getFullName().strip(), language, organisationId,
					form.getPosition().strip(), this.clock);
		}
		account = this.accounts.save(account);
		sendVerification(account);
	}

	private void sendVerification(Account account) {
		EmailVerification.Issued issued = EmailVerification.issue(account.getId(),
				this.settings.verificationValidity(), this.clock);
		this.verifications.save(issued.verification());
		Locale locale = Locale.forLanguageTag(account.getLanguage());
		String link = UriComponentsBuilder.fromUriString(this.baseUrl)
			.path("/verify")
			.queryParam("token", issued.token())
			.build()
			.toUriString();
		this.mail.send(account.getEmail(), this.messages.getMessage("mail.verify.subject", null, locale),
				this.messages.getMessage("mail.verify.body",
						new Object[] { account.getFullName(), link, this.settings.verificationValidity().toHours(),
								this.settings.unconfirmedAccountDays() },
						locale));
	}

	private void sendAlreadyRegistered(Account account) {
		Locale locale = Locale.forLanguageTag(account.getLanguage());
		String signIn = UriComponentsBuilder.fromUriString(this.baseUrl).path("/login").build().toUriString();
		this.mail.send(account.getEmail(), this.messages.getMessage("mail.alreadyRegistered.subject", null, locale),
				this.messages.getMessage("mail.alreadyRegistered.body", new Object[] { account.getFullName(), signIn },
						locale));
	}

	/** Whether a verification token is one we sent, unused and unexpired. */
	@Transactional(readOnly = true)
	boolean isUsable(String token) {
		return token != null && this.verifications.findById(EmailVerification.hash(token))
			.map(v -> v.isUsable(this.clock))
			.orElse(false);
	}

	/** Marks the address verified; {@code false} when the token is unknown, used or expired. */
	@Transactional
	boolean verify(String token) {
		if (token == null) {
			return false;
		}
		return this.verifications.findById(EmailVerification.hash(token))
			.filter(v -> v.isUsable(this.clock))
			.map(verification -> {
				verification.use(this.clock);
				Account account = this.accounts.findById(verification.getAccountId()).orElseThrow();
				account.verifyEmail(this.clock);
				this.accounts.save(account);
				return true;
			})
			.orElse(false);
	}
}
