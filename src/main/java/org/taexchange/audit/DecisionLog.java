package org.taexchange.audit;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The decision log: every state change and decision, newest first. */
interface DecisionLog extends JpaRepository<DecisionLogEntry, Long> {

	@Query("""
			select e from DecisionLogEntry e
			where (:subjectType is null or e.subjectType = :subjectType)
			  and (:subjectId is null or e.subjectId = :subjectId)
			order by e.occurredAt desc, e.id desc""")
	Page<DecisionLogEntry> search(@Param("subjectType") String subjectType, @Param("subjectId") String subjectId,
			Pageable pageable);

	@Query("select distinct e.subjectType from DecisionLogEntry e order by e.subjectType")
	List<String> subjectTypes();
}
