package org.taexchange.requests;

import java.util.EnumSet;
import java.util.Set;

/** Where a request stands (DESIGN §2). */
public enum RequestStatus {

	DRAFT, SUBMITTED, UNDER_REVIEW, NEEDS_INFO, OPEN_FOR_MATCHING, MATCHED, IN_DELIVERY, DELIVERED, EVALUATED,
	CLOSED, REJECTED, WITHDRAWN, ON_HOLD;

	private static final Set<RequestStatus> IN_TRIAGE = EnumSet.of(SUBMITTED, UNDER_REVIEW, NEEDS_INFO);

	private static final Set<RequestStatus> WITHDRAWABLE = EnumSet.of(SUBMITTED, UNDER_REVIEW, NEEDS_INFO,
			OPEN_FOR_MATCHING, MATCHED, ON_HOLD);

	/** Waiting for a coordinator's or the requester's move before matching. */
	public boolean isInTriage() {
		return IN_TRIAGE.contains(this);
	}

	/** The requester may still withdraw: before delivery starts. */
	public boolean isWithdrawable() {
		return WITHDRAWABLE.contains(this);
	}

	/** Nothing more happens to the request. */
	public boolean isFinal() {
		return this == CLOSED || this == REJECTED || this == WITHDRAWN;
	}

	/** A coordinator may put it on hold. */
	public boolean isHoldable() {
		return IN_TRIAGE.contains(this) || this == OPEN_FOR_MATCHING;
	}
}
