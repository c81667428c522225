package org.taexchange.matching;

import java.util.List;

/**
 * How well one offer fits one request: either the reasons it was filtered out, or its score out of 100
 * and the parts that make it up, each explained.
 */
record Assessment(List<Reason> exclusions, List<ScoredPart> parts, int total) {

	/** One part of a score: the points it earned out of its weight, and why. */
	record ScoredPart(Part part, int points, int max, Reason reason) {
	}

	static Assessment excluded(List<Reason> reasons) {
		return new Assessment(List.copyOf(reasons), List.of(), 0);
	}

	static Assessment scored(List<ScoredPart> parts) {
		return new Assessment(List.of(), List.copyOf(parts), parts.stream().mapToInt(ScoredPart::points).sum());
	}

	boolean isExcluded() {
		return !this.exclusions.isEmpty();
	}
}
