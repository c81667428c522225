package org.taexchange.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.Recipients.Recipient;

/**
 * Makes the notifications of one event: one per recipient, its mail written in the recipient's
 * language, each made once however often the event is delivered (the dedupe key is the event's and
 * the recipient's). Sending is the {@link MailRoom}'s.
 */
@Service
class Inbox {

	private final Notifications notifications;

	private final MessageSource messages;

	private final String baseUrl;

	private final Clock clock;

	Inbox(Notifications notifications, MessageSource messages, @Value("${app.public-base-url}") String baseUrl,
			Clock clock) {
		this.notifications = notifications;
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.clock = clock;
	}

	/** @param event names the event, e.g. {@code MatchApproved:42}; with the recipient it makes the dedupe key */
	@Transactional
	void deliver(String event, Notice notice, List<Recipient> recipients) {
		for (Recipient recipient : recipients) {
			String key = event + ":" + recipient.accountId();
			if (this.notifications.existsByDedupeKey(key)) {
				continue;
			}
			this.notifications.save(new Notification(recipient.accountId(), key, notice, recipient.email(),
					subject(notice, recipient.locale()), body(notice, recipient), this.clock.instant()));
		}
	}

	private String subject(Notice notice, Locale locale) {
		return this.messages.getMessage("notice." + notice.kind() + ".subject", notice.arguments().toArray(), locale);
	}

	/** Plain text: what happened, what is expected next, and the page; nothing in it is markup. */
	private String body(Notice notice, Recipient recipient) {
		Locale locale = recipient.locale();
		Object[] arguments = notice.arguments().toArray();
		return String.join("\n\n", this.messages.getMessage("mail.notice.greeting", new Object[] { recipient.fullName() }, locale),
				this.messages.getMessage("notice." + notice.kind() + ".text", arguments, locale),
				this.messages.getMessage("notice." + notice.kind() + ".next", arguments, locale),
				this.messages.getMessage("mail.notice.link", new Object[] { this.baseUrl + notice.link() }, locale),
				this.messages.getMessage("mail.notice.footer", null, locale));
	}
}
