package org.taexchange.matching;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.taexchange.platform.TimelineEntry;

/** One entry of a match's timeline. */
@Entity
@Table(name = "request_match_status_change")
class MatchStatusChange extends TimelineEntry {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "match_id")
	private Match match;

	@Enumerated(EnumType.STRING)
	private MatchStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private MatchStatus toStatus;

	protected MatchStatusChange() {
	}

	MatchStatusChange(Match match, Instant occurredAt, String actor, MatchStatus from, MatchStatus to, String reason) {
		super(occurredAt, actor, reason);
		this.match = match;
		this.fromStatus = from;
		this.toStatus = to;
	}

	public MatchStatus getFromStatus() {
		return this.fromStatus;
	}

	public MatchStatus getToStatus() {
		return this.toStatus;
	}
}
