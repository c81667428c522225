package org.taexchange.platform;

/**
 * A lifecycle transition that the aggregate's current state does not allow. The web layer answers
 * it with 409 and a page that says what the current state is.
 */
public class IllegalTransition extends RuntimeException {

	private final String subject;

	private final String currentState;

	private final String attempted;

	public IllegalTransition(String subject, String currentState, String attempted) {
		super("A " + subject + " that is " + currentState + " cannot be " + attempted);
		this.subject = subject;
		this.currentState = currentState;
		this.attempted = attempted;
	}

	public String subject() {
		return this.subject;
	}

	public String currentState() {
		return this.currentState;
	}

	public String attempted() {
		return this.attempted;
	}
}
