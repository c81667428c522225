package org.taexchange.matching;

/**
 * What the portal knows of a provider's past engagements: matches it completed, and those it declined
 * or that were cancelled after it accepted. Evaluations join this once deliveries are evaluated.
 */
record ProviderRecord(int completed, int declined) {

	static final ProviderRecord NONE = new ProviderRecord(0, 0);

	boolean isEmpty() {
		return this.completed == 0 && this.declined == 0;
	}

	/** Between 0 and 1; one half with no history, moving towards the share completed as engagements add up. */
	double share() {
		return (this.completed + 1.0) / (this.completed + this.declined + 2.0);
	}
}
