package org.taexchange.offers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One entry of an offer's timeline. */
@Entity
@Table(name = "offer_status_change")
class OfferStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "offer_id")
	private Offer offer;

	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	private OfferStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private OfferStatus toStatus;

	private String reason;

	protected OfferStatusChange() {
	}

	OfferStatusChange(Offer offer, Instant occurredAt, String actor, OfferStatus from, OfferStatus to, String reason) {
		this.offer = offer;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.fromStatus = from;
		this.toStatus = to;
		this.reason = reason;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public OfferStatus getFromStatus() {
		return this.fromStatus;
	}

	public OfferStatus getToStatus() {
		return this.toStatus;
	}

	public String getReason() {
		return this.reason;
	}
}
