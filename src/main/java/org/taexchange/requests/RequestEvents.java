package org.taexchange.requests;

import java.time.Instant;

/** What other modules hear about requests: past-tense events carrying the request's id and reference. */
public final class RequestEvents {

	private RequestEvents() {
	}

	/** Submitted at that moment: it waits for a coordinator. */
	public record RequestSubmitted(long requestId, String reference, Instant at) {
	}

	public record RequestReviewStarted(long requestId, String reference) {
	}

	/** @param askedAt when: a request may be asked for information more than once */
	public record RequestInformationAsked(long requestId, String reference, java.time.Instant askedAt) {
	}

	public record RequestInformationGiven(long requestId, String reference) {
	}

	/** A message in a request's thread that is not itself a decision (an answer is RequestInformationGiven). */
	public record RequestMessageSent(long requestId, String reference, boolean fromCoordinator) {
	}

	public record RequestOpenedForMatching(long requestId, String reference) {
	}

	public record RequestRejected(long requestId, String reference, String reason) {
	}

	public record RequestPutOnHold(long requestId, String reference) {
	}

	public record RequestResumed(long requestId, String reference) {
	}

	public record RequestWithdrawn(long requestId, String reference) {
	}

	/** The requester confirmed a match; the request has its offer. */
	public record RequestMatched(long requestId, String reference) {
	}

	public record RequestDelivered(long requestId, String reference) {
	}
}
