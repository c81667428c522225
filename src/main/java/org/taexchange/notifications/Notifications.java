package org.taexchange.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Notifications extends JpaRepository<Notification, Long> {

	/** Marks every unread notification of the person as read; how many. */
	@Modifying
	@Query("update Notification n set n.readAt = :now where n.recipientId = :recipientId and n.readAt is null")
	int markAllRead(long recipientId, Instant now);

	long countByRecipientIdAndReadAtIsNull(long recipientId);

	List<Notification> findTop50ByRecipientIdOrderByCreatedAtDescIdDesc(long recipientId);

	List<Notification> findTop100ByMailSentAtIsNullAndMailNextAttemptAtLessThanEqualOrderByMailNextAttemptAt(
			Instant now);

	Page<Notification> findAllByOrderByCreatedAtDescIdDesc(Pageable pageable);

	Page<Notification> findByMailToIgnoreCaseOrderByCreatedAtDescIdDesc(String mailTo, Pageable pageable);

	/** Removes everything kept for a person (their account is being removed). */
	@Modifying
	@Query("delete from Notification n where n.recipientId = :recipientId")
	int deleteByRecipientId(@Param("recipientId") long recipientId);
}
