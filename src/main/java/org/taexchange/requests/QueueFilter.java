package org.taexchange.requests;

/**
 * What the coordinator's triage queue shows: optional status, participant, expertise area and
 * urgency, only overdue requests, and an order. Unknown values in the address are ignored.
 */
class QueueFilter {

	enum Order {
		/** The request waiting longest first. */
		WAITING,
		/** The most recently changed first. */
		RECENT,
		/** Urgent first, then the longest waiting. */
		URGENCY
	}

	private RequestStatus status;

	private String participant;

	private String area;

	private Urgency urgency;

	private boolean overdue;

	private Order order = Order.WAITING;

	public RequestStatus getStatus() {
		return this.status;
	}

	public void setStatus(RequestStatus status) {
		this.status = status == RequestStatus.DRAFT ? null : status;
	}

	public String getParticipant() {
		return this.participant;
	}

	public void setParticipant(String participant) {
		this.participant = participant == null || participant.isBlank() ? null : participant;
	}

	public String getArea() {
		return this.area;
	}

	public void setArea(String area) {
		this.area = area == null || area.isBlank() ? null : area;
	}

	public Urgency getUrgency() {
		return this.urgency;
	}

	public void setUrgency(Urgency urgency) {
		this.urgency = urgency;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public void setOverdue(boolean overdue) {
		this.overdue = overdue;
	}

	public Order getOrder() {
		return this.order;
	}

	public void setOrder(Order order) {
		this.order = order == null ? Order.WAITING : order;
	}
}
