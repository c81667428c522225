package org.taexchange.platform;

import java.time.Instant;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every entry of an aggregate's timeline says: when, who, and why. Each aggregate's entry adds
 * the statuses it moved between and the aggregate it belongs to (a table of its own).
 */
@MappedSuperclass
public abstract class TimelineEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private String actor;

	private String reason;

	protected TimelineEntry() {
	}

	protected TimelineEntry(Instant occurredAt, String actor, String reason) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.reason = reason;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public String getReason() {
		return this.reason;
	}
}
