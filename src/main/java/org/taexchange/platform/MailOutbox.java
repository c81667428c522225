package org.taexchange.platform;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mails that are no notification and may carry a one-time secret (the link that confirms an address,
 * a password reset): {@link #send} writes the mail in the caller's transaction, so that it exists
 * exactly when what it speaks of was committed, and the mail thread sends it as soon as that
 * transaction commits. No page waits on the SMTP server, and no mail goes out inside a transaction.
 * While the server fails the mail is tried again ({@link MailQueue}), every
 * {@code app.mail.outbox-delay} at the soonest, including after a restart. Its text is kept in the
 * database only until it is sent or given up, then erased.
 */
@Service
public class MailOutbox implements UndeliveredMails, AutoCloseable {

	private final JdbcTemplate jdbc;

	private final MailQueue queue;

	private final Clock clock;

	MailOutbox(JdbcTemplate jdbc, Mailer mailer, Clock clock, @Value("${app.mail.max-attempts:10}") int maxAttempts) {
		this.jdbc = jdbc;
		this.queue = new MailQueue("outgoing_mail", jdbc, mailer, clock, maxAttempts, true);
		this.clock = clock;
	}

	/**
	 * A plain-text mail, sent once the current transaction commits (at once without one); nothing is
	 * sent if it rolls back.
	 */
	@Transactional
	public void send(String to, String subject, String text) {
		this.jdbc.update("insert into outgoing_mail (created_at, mail_to, mail_subject, mail_body, mail_next_attempt_at)"
				+ " values (?, ?, ?, ?, ?)", this.clock.instant().atOffset(ZoneOffset.UTC), Mailer.oneLine(to),
				Mailer.oneLine(subject), text, this.clock.instant().atOffset(ZoneOffset.UTC));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				MailOutbox.this.queue.sendDueInTheBackground();
			}
		});
	}

	/** Tries again what failed, on the mail thread. */
	@Scheduled(fixedDelayString = "${app.mail.outbox-delay:30s}", initialDelayString = "${app.mail.outbox-delay:30s}")
	void sendDueInTheBackground() {
		this.queue.sendDueInTheBackground();
	}

	/** Sends what is due on the calling thread; how many went. */
	public int sendDue() {
		return this.queue.sendDue();
	}

	@Override
	public long undelivered() {
		return this.queue.undelivered();
	}

	@Override
	public void close() {
		this.queue.close();
	}
}
