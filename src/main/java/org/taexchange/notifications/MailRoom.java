package org.taexchange.notifications;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.platform.Mailer;

/**
 * Sends the mails of notifications, every few seconds ({@code app.notifications.mail-delay}): those
 * never sent whose next attempt is due. A mail the SMTP server refuses is tried again after a growing
 * pause; a sent one is never sent again. Each mail is sent and marked in its own transaction, on a
 * row locked with {@code skip locked}, so that several instances never send the same mail.
 */
@Component
class MailRoom {

	private static final Logger log = LoggerFactory.getLogger(MailRoom.class);

	private final Notifications notifications;

	private final NotificationLocks locks;

	private final Mailer mailer;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MailRoom(Notifications notifications, NotificationLocks locks, Mailer mailer,
			PlatformTransactionManager transactions, Clock clock) {
		this.notifications = notifications;
		this.locks = locks;
		this.mailer = mailer;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${app.notifications.mail-delay:5s}",
			initialDelayString = "${app.notifications.mail-delay:5s}")
	void sendDue() {
		List<Long> due;
		do {
			// a hundred at a time, until none is due: a sent or failed mail is not due any more
			due = this.notifications
				.findTop100ByMailSentAtIsNullAndMailNextAttemptAtLessThanEqualOrderByMailNextAttemptAt(this.clock.instant())
				.stream()
				.map(Notification::getId)
				.toList();
			due.forEach(this::send);
		}
		while (due.size() == 100);
	}

	/** Sends one mail unless another instance holds it or it went already. */
	void send(long id) {
		this.transactions.executeWithoutResult(status -> this.locks.lockIfDue(id, this.clock.instant()).ifPresent(n -> {
			try {
				this.mailer.send(n.getMailTo(), n.getMailSubject(), n.getMailBody(), n.getMailHtml());
				n.mailSent(this.clock.instant());
			}
			catch (MailException ex) {
				log.warn("Mail {} not sent (attempt {}): {}", id, n.getMailAttempts() + 1, ex.getMessage());
				n.mailFailed(ex.getMessage(), this.clock.instant());
			}
		}));
	}
}
