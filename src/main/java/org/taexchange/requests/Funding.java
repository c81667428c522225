package org.taexchange.requests;

/** What the requesting participant can bring to the cost of the assistance. */
public enum Funding {
	CAN_CO_FUND, NEEDS_FULL_FUNDING, IN_KIND
}
