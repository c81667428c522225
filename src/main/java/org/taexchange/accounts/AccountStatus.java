package org.taexchange.accounts;

/** Where an account stands with the coordinator. */
public enum AccountStatus {

	/** Registered; waits for email verification and a coordinator's approval. */
	PENDING,

	/** Approved by a coordinator: may submit requests or offers. */
	APPROVED,

	/** Turned down by a coordinator: cannot sign in. */
	REJECTED,

	/** Approved once, then disabled by an admin: cannot sign in; its sessions have ended. */
	DISABLED
}
