package org.taexchange.offers;

import java.util.List;

/** An offer that lacks what a coordinator needs to vet it; lists the missing parts as message keys. */
class IncompleteOffer extends RuntimeException {

	private final List<String> missing;

	IncompleteOffer(List<String> missing) {
		super("The offer is incomplete: " + missing);
		this.missing = List.copyOf(missing);
	}

	List<String> missing() {
		return this.missing;
	}
}
