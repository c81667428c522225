package org.taexchange.requests;

/** What other modules hear about requests: past-tense events carrying the request's id and reference. */
public final class RequestEvents {

	private RequestEvents() {
	}

	public record RequestSubmitted(long requestId, String reference) {
	}

	public record RequestReviewStarted(long requestId, String reference) {
	}

	public record RequestInformationAsked(long requestId, String reference) {
	}

	public record RequestInformationGiven(long requestId, String reference) {
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
}
