package org.taexchange.notifications;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.taexchange.platform.MailQueue;
import org.taexchange.platform.Mailer;
import org.taexchange.platform.UndeliveredMails;

/**
 * Sends the mails of notifications, every few seconds ({@code app.notifications.mail-delay}), on a
 * thread of its own ({@link MailQueue}): a hung SMTP server holds up neither the scheduler (reminders,
 * digest, offer expiry) nor a database connection. A mail the server refuses is tried again after a
 * growing pause, and given up after {@code app.mail.max-attempts} tries; a sent one is never sent again.
 */
@Component
class MailRoom implements UndeliveredMails, AutoCloseable {

	private final MailQueue queue;

	MailRoom(JdbcTemplate jdbc, Mailer mailer, Clock clock, @Value("${app.mail.max-attempts:10}") int maxAttempts) {
		this.queue = new MailQueue("notification", jdbc, mailer, clock, maxAttempts, false);
	}

	@Scheduled(fixedDelayString = "${app.notifications.mail-delay:5s}",
			initialDelayString = "${app.notifications.mail-delay:5s}")
	void sendDueInTheBackground() {
		this.queue.sendDueInTheBackground();
	}

	/** Sends what is due on the calling thread (tests, and the thread of the mail room). */
	int sendDue() {
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
