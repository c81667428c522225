package org.taexchange.notifications;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Takes a notification whose mail is due, locked for this transaction; skips one another instance holds. */
@Component
class NotificationLocks {

	private final EntityManager entities;

	NotificationLocks(EntityManager entities) {
		this.entities = entities;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Notification> lockIfDue(long id, Instant now) {
		return this.entities
			.createNativeQuery("select * from notification where id = ? and mail_sent_at is null"
					+ " and mail_next_attempt_at <= ? for update skip locked", Notification.class)
			.setParameter(1, id)
			.setParameter(2, now)
			.getResultStream()
			.findFirst()
			.map(Notification.class::cast);
	}
}
