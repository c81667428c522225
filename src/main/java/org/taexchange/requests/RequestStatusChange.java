package org.taexchange.requests;

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

/** One entry of a request's timeline. */
@Entity
@Table(name = "request_status_change")
class RequestStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "request_id")
	private AssistanceRequest request;

	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	private RequestStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private RequestStatus toStatus;

	private String reason;

	protected RequestStatusChange() {
	}

	RequestStatusChange(AssistanceRequest request, Instant occurredAt, String actor, RequestStatus fromStatus,
			RequestStatus toStatus, String reason) {
		this.request = request;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.reason = reason;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public RequestStatus getFromStatus() {
		return this.fromStatus;
	}

	public RequestStatus getToStatus() {
		return this.toStatus;
	}

	public String getReason() {
		return this.reason;
	}
}
