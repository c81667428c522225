package org.taexchange.requests;

import java.util.List;

/** A draft that lacks what a coordinator needs to act on it; lists the missing parts as message keys. */
class IncompleteRequest extends RuntimeException {

	private final List<String> missing;

	IncompleteRequest(List<String> missing) {
		super("The request is incomplete: " + missing);
		this.missing = List.copyOf(missing);
	}

	List<String> missing() {
		return this.missing;
	}
}
