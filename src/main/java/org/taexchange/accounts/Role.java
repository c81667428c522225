package org.taexchange.accounts;

/** What a person does in the portal. */
public enum Role {

	/** An official of a KP participant who asks for assistance. */
	REQUESTER,

	/** Staff of an organisation that offers expertise. */
	PROVIDER,

	/** Coordinating-organisation staff: triage, vetting, matching, approvals. */
	COORDINATOR,

	/** Coordinating-organisation IT: accounts, participants, organisations. */
	ADMIN;

	/** Coordinating-organisation staff, who act for every participant. */
	public boolean isStaff() {
		return this == COORDINATOR || this == ADMIN;
	}

	String authority() {
		return "ROLE_" + name();
	}
}
