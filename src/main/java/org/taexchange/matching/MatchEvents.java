package org.taexchange.matching;

/** What other modules hear about matches: past-tense events carrying the match's id and what it pairs. */
public final class MatchEvents {

	private MatchEvents() {
	}

	public record MatchProposed(long matchId, String requestReference, String offerReference) {
	}

	/** The coordinator approved it: the provider is asked to accept. */
	public record MatchApproved(long matchId, String requestReference, String offerReference) {
	}

	public record MatchRejected(long matchId, String requestReference, String offerReference) {
	}

	/** The provider accepted: the requester is asked to confirm. */
	public record MatchAccepted(long matchId, String requestReference, String offerReference) {
	}

	/** The provider or the requester declined. */
	public record MatchDeclined(long matchId, String requestReference, String offerReference, boolean byProvider) {
	}

	public record MatchConfirmed(long matchId, String requestReference, String offerReference) {
	}

	public record MatchCancelled(long matchId, String requestReference, String offerReference) {
	}

	public record MatchDeliveryStarted(long matchId, String requestReference, String offerReference) {
	}

	public record MatchCompleted(long matchId, String requestReference, String offerReference) {
	}
}
