package org.taexchange.offers;

/** What other modules hear about offers: past-tense events carrying the offer's id and reference. */
public final class OfferEvents {

	private OfferEvents() {
	}

	public record OfferSubmitted(long offerId, String reference) {
	}

	public record OfferPublished(long offerId, String reference) {
	}

	/** @param askedAt when: an offer may be asked for changes more than once */
	public record OfferChangesAsked(long offerId, String reference, java.time.Instant askedAt) {
	}

	public record OfferDeclined(long offerId, String reference, String reason) {
	}

	public record OfferPaused(long offerId, String reference) {
	}

	public record OfferResumed(long offerId, String reference) {
	}

	public record OfferWithdrawn(long offerId, String reference) {
	}

	public record OfferExpired(long offerId, String reference) {
	}

	/** Capacity used or freed; {@code left} is what remains. */
	public record OfferCapacityChanged(long offerId, String reference, int left) {
	}

	/** A published offer whose content changed in what vetting looks at: it goes back to the coordinators. */
	public record OfferSentBackToVetting(long offerId, String reference) {
	}

	/** Its last engagement was taken: it left the catalogue until one is freed. */
	public record OfferExhausted(long offerId, String reference, java.time.Instant at) {
	}
}
