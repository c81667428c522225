package org.taexchange.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.Recipients.Recipient;
import org.taexchange.notifications.MailTemplates.Mail;

/**
 * Makes the notifications of one event: one per recipient, its mail (text and HTML, from
 * {@link MailTemplates}) written in the recipient's language, each made once however often the event
 * is delivered (the dedupe key is the event's and the recipient's). Sending is the {@link MailRoom}'s.
 */
@Service
class Inbox {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final String baseUrl;

	private final MailTemplates templates;

	private final Clock clock;

	Inbox(JdbcTemplate jdbc, MessageSource messages, MailTemplates templates,
			@Value("${app.public-base-url}") String baseUrl, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.templates = templates;
		this.clock = clock;
	}

	/** @param event names the event, e.g. {@code MatchApproved:42}; with the recipient it makes the dedupe key */
	@Transactional
	void deliver(String event, Notice notice, List<Recipient> recipients) {
		for (Recipient recipient : recipients) {
			// the same event delivered twice at the same moment (two instances resubmitting it at start)
			// meets the unique dedupe key: the second insert does nothing instead of failing
			Mail mail = this.templates.write(notice, recipient.fullName(), this.baseUrl + notice.link(),
					recipient.locale());
			this.jdbc.update("insert into notification (recipient_id, dedupe_key, kind, subject_reference, link,"
					+ " arguments, created_at, mail_to, mail_subject, mail_body, mail_html, mail_next_attempt_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing",
					recipient.accountId(), event + ":" + recipient.accountId(), notice.kind().name(),
					notice.reference(), notice.link(), notice.arguments().toArray(String[]::new), now(),
					recipient.email(), subject(notice, recipient.locale()), mail.text(), mail.html(), now());
		}
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private String subject(Notice notice, Locale locale) {
		return this.messages.getMessage("notice." + notice.kind() + ".subject", notice.arguments().toArray(), locale);
	}
}
