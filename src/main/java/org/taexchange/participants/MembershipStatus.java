package org.taexchange.participants;

/** A participant's membership status at a given date. */
public enum MembershipStatus {

	ADMITTED, SUSPENDED, READMITTED, SELF_SUSPENDED, EXPELLED, WITHDRAWN;

	/** Whether a participant in this status takes part in the scheme (and so may ask for assistance). */
	public boolean isActive() {
		return this == ADMITTED || this == READMITTED;
	}
}
