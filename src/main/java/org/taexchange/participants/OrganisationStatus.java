package org.taexchange.participants;

/** Whether an organisation is vetted. */
public enum OrganisationStatus {

	/** Named by a person registering; waits for a coordinator. */
	PROPOSED,

	/** Vetted: its staff may offer expertise. */
	ACTIVE,

	/** Turned down by a coordinator. */
	REJECTED,

	/** Folded into another organisation. */
	MERGED
}
