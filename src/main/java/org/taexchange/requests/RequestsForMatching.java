package org.taexchange.requests;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.platform.NotFound;

/**
 * What the matching module may read of requests and how a match moves a request on. Reads come in
 * bulk; the moves run inside the caller's transaction, so the match and its request change together.
 */
@Service
public class RequestsForMatching {

	private final AssistanceRequests requests;

	private final Clock clock;

	RequestsForMatching(AssistanceRequests requests, Clock clock) {
		this.requests = requests;
		this.clock = clock;
	}

	/** Every request open for matching, those waiting longest first. */
	@Transactional(readOnly = true)
	public List<RequestProfile> openForMatching() {
		return this.requests.findByStatusOrderByStatusChangedAtAscIdAsc(RequestStatus.OPEN_FOR_MATCHING)
			.stream()
			.map(RequestProfile::of)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<RequestProfile> profile(String reference) {
		return this.requests.findByReference(reference)
			.filter(r -> r.getStatus() != RequestStatus.DRAFT)
			.map(RequestProfile::of);
	}

	@Transactional(readOnly = true)
	public Optional<RequestProfile> profile(long id) {
		return this.requests.findById(id).filter(r -> r.getStatus() != RequestStatus.DRAFT).map(RequestProfile::of);
	}

	/** These requests, in one statement. */
	@Transactional(readOnly = true)
	public List<RequestProfile> profiles(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.requests.findAllById(ids).stream().map(RequestProfile::of).toList();
	}

	/** The requester confirmed a match. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void matched(long requestId, String requester, String matchLabel) {
		AssistanceRequest request = find(requestId);
		request.matched(requester, matchLabel, this.clock);
		this.requests.saveAndFlush(request);
	}

	/** The confirmed match was cancelled: the request waits for another offer. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void matchEnded(long requestId, String actor, String reason) {
		AssistanceRequest request = find(requestId);
		request.matchEnded(actor, reason, this.clock);
		this.requests.saveAndFlush(request);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void deliveryStarted(long requestId, String actor) {
		AssistanceRequest request = find(requestId);
		request.deliveryStarted(actor, this.clock);
		this.requests.saveAndFlush(request);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void delivered(long requestId, String actor) {
		AssistanceRequest request = find(requestId);
		request.delivered(actor, this.clock);
		this.requests.saveAndFlush(request);
	}

	private AssistanceRequest find(long requestId) {
		return this.requests.findById(requestId).orElseThrow(() -> new NotFound("request"));
	}
}
