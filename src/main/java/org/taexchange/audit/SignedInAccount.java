package org.taexchange.audit;

/**
 * A signed-in person's principal that knows its account's id, so that the security audit trail can
 * record it next to the address. The accounts module's principal implements it.
 */
public interface SignedInAccount {

	long id();
}
