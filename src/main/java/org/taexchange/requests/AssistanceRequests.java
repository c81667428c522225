package org.taexchange.requests;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All requests, drafts included. */
interface AssistanceRequests extends JpaRepository<AssistanceRequest, Long>, JpaSpecificationExecutor<AssistanceRequest> {

	Optional<AssistanceRequest> findByReference(String reference);

	List<AssistanceRequest> findByOwnerIdAndStatusOrderByUpdatedAtDesc(long ownerId, RequestStatus status);

	long countByOwnerId(long ownerId);

	long countByOwnerIdAndStatus(long ownerId, RequestStatus status);

	List<AssistanceRequest> findByStatusOrderByStatusChangedAtAscIdAsc(RequestStatus status);

	List<AssistanceRequest> findByStatusInAndStatusChangedAtBeforeOrderByStatusChangedAt(
			java.util.Collection<RequestStatus> statuses, java.time.Instant before);

	long countByStatusIn(List<RequestStatus> statuses);

	/** A participant's requests once submitted: what all its officials see. */
	Page<AssistanceRequest> findByRequestingParticipantAndStatusNot(String participant, RequestStatus status,
			Pageable page);
}
