package org.taexchange.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the decision log. Written once, never changed. */
@Entity
@Table(name = "decision_log")
class DecisionLogEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private String actor;

	private String subjectType;

	private String subjectId;

	private String action;

	private String fromState;

	private String toState;

	@Column(length = DecisionMade.REASON_LENGTH)
	private String reason;

	protected DecisionLogEntry() {
	}

	DecisionLogEntry(DecisionMade decision) {
		this.occurredAt = decision.at();
		this.actor = decision.actor();
		this.subjectType = decision.subjectType();
		this.subjectId = decision.subjectId();
		this.action = decision.action();
		this.fromState = decision.fromState();
		this.toState = decision.toState();
		this.reason = decision.reason();
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public String getSubjectType() {
		return this.subjectType;
	}

	public String getSubjectId() {
		return this.subjectId;
	}

	public String getAction() {
		return this.action;
	}

	public String getFromState() {
		return this.fromState;
	}

	public String getToState() {
		return this.toState;
	}

	public String getReason() {
		return this.reason;
	}
}
