package org.taexchange.offers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.taexchange.platform.TimelineEntry;

/** One entry of an offer's timeline. */
@Entity
@Table(name = "offer_status_change")
class OfferStatusChange extends TimelineEntry {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "offer_id")
	private Offer offer;

	@Enumerated(EnumType.STRING)
	private OfferStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private OfferStatus toStatus;

	protected OfferStatusChange() {
	}

	OfferStatusChange(Offer offer, Instant occurredAt, String actor, OfferStatus from, OfferStatus to, String reason) {
		super(occurredAt, actor, reason);
		this.offer = offer;
		this.fromStatus = from;
		this.toStatus = to;
	}

	public OfferStatus getFromStatus() {
		return this.fromStatus;
	}

	public OfferStatus getToStatus() {
		return this.toStatus;
	}
}
