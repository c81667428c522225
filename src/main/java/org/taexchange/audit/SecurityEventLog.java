package org.taexchange.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The security audit trail, newest first. It only grows: there is no way here to change or remove a line. */
interface SecurityEventLog extends Repository<SecurityEvent, Long> {

	SecurityEvent save(SecurityEvent event);

	/**
	 * Lines of one account (address compared without case) and of one kind, a null one being no filter,
	 * that happened from {@code from} (included) until {@code until} (excluded).
	 */
	@Query("""
			select e from SecurityEvent e
			where (:account is null or lower(e.accountEmail) = :account)
			  and (:kind is null or e.kind = :kind)
			  and e.occurredAt >= :from and e.occurredAt < :until
			order by e.occurredAt desc, e.id desc""")
	Page<SecurityEvent> search(@Param("account") String account, @Param("kind") SecurityEventKind kind,
			@Param("from") Instant from, @Param("until") Instant until, Pageable pageable);

	@Query("""
			select e from SecurityEvent e
			where lower(e.accountEmail) = :account
			order by e.occurredAt desc, e.id desc""")
	List<SecurityEvent> latestOf(@Param("account") String account, Limit limit);
}
