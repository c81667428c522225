package org.taexchange.offers;

/** How an offer is paid for. */
public enum OfferFunding {
	FULLY_FUNDED, PARTLY_FUNDED, NEEDS_FUNDING
}
