package org.taexchange.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Notifications extends JpaRepository<Notification, Long> {

	long countByRecipientIdAndReadAtIsNull(long recipientId);

	List<Notification> findTop50ByRecipientIdOrderByCreatedAtDescIdDesc(long recipientId);

	List<Notification> findTop100ByMailSentAtIsNullAndMailNextAttemptAtLessThanEqualOrderByMailNextAttemptAt(
			Instant now);

	Page<Notification> findAllByOrderByCreatedAtDescIdDesc(Pageable pageable);

	Page<Notification> findByMailToIgnoreCaseOrderByCreatedAtDescIdDesc(String mailTo, Pageable pageable);
}
