package org.taexchange.platform;

/**
 * The person may see this, but may not act on it now: their account is not approved yet, or their
 * participant does not take part in the scheme at present. Shown as a 403 page that says why.
 */
public class NotInGoodStanding extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NotInGoodStanding(String what) {
		super("Not in good standing to act on this " + what);
	}
}
