package org.taexchange.matching;

import java.util.EnumSet;
import java.util.Set;

/** Where a match stands (DESIGN §2). */
enum MatchStatus {

	PROPOSED, APPROVED, ACCEPTED, CONFIRMED, IN_DELIVERY, COMPLETED, REJECTED, DECLINED, CANCELLED;

	private static final Set<MatchStatus> IN_PROGRESS = EnumSet.of(PROPOSED, APPROVED, ACCEPTED, CONFIRMED,
			IN_DELIVERY);

	/** Still going somewhere: the request cannot have a second one meanwhile. */
	boolean isInProgress() {
		return IN_PROGRESS.contains(this);
	}

	/** Waiting for someone's answer, and so subject to a deadline. */
	boolean awaitsAnswer() {
		return this == PROPOSED || this == APPROVED || this == ACCEPTED;
	}
}
