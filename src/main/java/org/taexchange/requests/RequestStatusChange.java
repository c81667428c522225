package org.taexchange.requests;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.taexchange.platform.TimelineEntry;

/** One entry of a request's timeline. */
@Entity
@Table(name = "request_status_change")
class RequestStatusChange extends TimelineEntry {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "request_id")
	private AssistanceRequest request;

	@Enumerated(EnumType.STRING)
	private RequestStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private RequestStatus toStatus;

	protected RequestStatusChange() {
	}

	RequestStatusChange(AssistanceRequest request, Instant occurredAt, String actor, RequestStatus fromStatus,
			RequestStatus toStatus, String reason) {
		super(occurredAt, actor, reason);
		this.request = request;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
	}

	public RequestStatus getFromStatus() {
		return this.fromStatus;
	}

	public RequestStatus getToStatus() {
		return this.toStatus;
	}
}
