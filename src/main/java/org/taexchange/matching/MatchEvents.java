package org.taexchange.matching;

import java.time.Instant;

/**
 * What other modules hear about matches: past-tense events carrying the match's id, what it pairs, and
 * the two sides (the requesting participant and the offering organisation).
 */
public final class MatchEvents {

	private MatchEvents() {
	}

	public record MatchProposed(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId) {
	}

	/** The coordinator approved it at that moment: the provider is asked to accept. */
	public record MatchApproved(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId, Instant at) {
	}

	public record MatchRejected(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId) {
	}

	/** The provider accepted at that moment: the requester is asked to confirm. */
	public record MatchAccepted(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId, Instant at) {
	}

	/** The provider or the requester declined. */
	public record MatchDeclined(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId, boolean byProvider) {
	}

	public record MatchConfirmed(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId) {
	}

	/** Ended in progress; {@code providerKnew} / {@code requesterKnew}: whether that side had been shown it. */
	public record MatchCancelled(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId, boolean providerKnew, boolean requesterKnew) {
	}

	public record MatchDeliveryStarted(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId) {
	}

	public record MatchCompleted(long matchId, String requestReference, String offerReference, String requestingParticipant,
			long organisationId) {
	}
}
