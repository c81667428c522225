package org.taexchange.matching;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Matches extends JpaRepository<Match, Long>, JpaSpecificationExecutor<Match> {

	Optional<Match> findFirstByRequestIdAndStatusIn(long requestId, Collection<MatchStatus> statuses);

	List<Match> findByRequestIdOrderByProposedAtDesc(long requestId);

	List<Match> findByRequestIdInAndStatusIn(Collection<Long> requestIds, Collection<MatchStatus> statuses);

	/** Per organisation: matches completed, and those declined by the provider or cancelled after acceptance. */
	@Query("select m.organisationId, sum(case when m.status = org.taexchange.matching.MatchStatus.COMPLETED then 1 else 0 end),"
			+ " sum(case when m.status = org.taexchange.matching.MatchStatus.DECLINED and m.acceptedAt is null then 1 else 0 end)"
			+ " from Match m where m.status in (org.taexchange.matching.MatchStatus.COMPLETED, org.taexchange.matching.MatchStatus.DECLINED)"
			+ " group by m.organisationId")
	List<Object[]> providerRecords();

	long countByStatus(MatchStatus status);

	/** Per offer, how many proposals wait for approval (they hold no engagement yet). */
	@Query("select m.offerId, count(m) from Match m where m.status = org.taexchange.matching.MatchStatus.PROPOSED group by m.offerId")
	List<Object[]> proposalsPerOffer();

	@Query("select m.requestId from Match m where m.status in :statuses")
	List<Long> requestIdsWith(Collection<MatchStatus> statuses);
}
