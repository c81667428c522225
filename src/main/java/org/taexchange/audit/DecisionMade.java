package org.taexchange.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A decision or state change taken on an aggregate: who, when, on what, from which state to which,
 * and why. Aggregates register it with their other events; the decision log records it in the same
 * transaction, so a change and its record never part.
 *
 * @param at when it happened
 * @param actor who decided (an account's email address, or {@link #SYSTEM})
 * @param subjectType the kind of thing changed, e.g. {@code ACCOUNT}
 * @param subjectId its identifier as shown to people (reference, email, code)
 * @param action what was done, e.g. {@code APPROVED}; a message key suffix
 * @param fromState the state before, or {@code null}
 * @param toState the state after, or {@code null}
 * @param reason the reason given, or {@code null}
 */
public record DecisionMade(Instant at, String actor, String subjectType, String subjectId, String action,
		String fromState, String toState, String reason) {

	/**
	 * The most characters a reason may have, wherever one is typed (triage, withdrawal, vetting,
	 * matches, accounts): the decision log and the aggregates' own columns hold this many.
	 */
	public static final int REASON_LENGTH = 5000;

	/** The actor of decisions taken by the portal itself (locks, expiries). */
	public static final String SYSTEM = "system";

	public DecisionMade {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(subjectType, "subjectType");
		Objects.requireNonNull(subjectId, "subjectId");
		Objects.requireNonNull(action, "action");
	}
}
