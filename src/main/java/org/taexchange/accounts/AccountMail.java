package org.taexchange.accounts;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import org.taexchange.platform.MailOutbox;

/**
 * The password mails (reset link, invitation, "your password was changed"), in the person's
 * language. Each goes through the outbox: written in the transaction that decided it, sent on the
 * mail thread once that commits (never inside it, and nothing if it rolls back), tried again while
 * the SMTP server fails, and its text (with the link) erased once sent.
 */
@Component
class AccountMail {

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	AccountMail(MailOutbox outbox, MessageSource messages, @Value("${app.public-base-url}") String baseUrl) {
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = baseUrl;
	}

	/** The portal's address of a page, with a token when one is given. */
	String link(String path, String token) {
		UriComponentsBuilder link = UriComponentsBuilder.fromUriString(this.baseUrl).path(path);
		if (token != null) {
			link.queryParam("token", token);
		}
		return link.build().toUriString();
	}

	/**
	 * Sends {@code mail.<name>.subject} and {@code mail.<name>.body} to the account once the current
	 * transaction commits (at once when there is none); nothing when it rolls back.
	 */
	void sendAfterCommit(Account account, String name, Object... arguments) {
		String to = account.getEmail();
		Locale locale = Locale.forLanguageTag(account.getLanguage());
		String subject = this.messages.getMessage("mail." + name + ".subject", null, locale);
		String body = this.messages.getMessage("mail." + name + ".body", arguments, locale);
		this.outbox.send(to, subject, body);
	}
}
