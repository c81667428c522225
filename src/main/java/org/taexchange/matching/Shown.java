package org.taexchange.matching;

import java.util.List;

import org.taexchange.offers.OfferProfile;

/**
 * An offer as a coordinator sees it next to a request: its score and each part explained, or why it
 * was filtered out, in the reader's language.
 */
record Shown(OfferProfile offer, String organisation, int score, List<Line> lines, List<String> exclusions,
		boolean chosenByRequester) {

	/** One explained part of a score. */
	record Line(String part, int points, int max, String sentence) {
	}

	public boolean excluded() {
		return !this.exclusions.isEmpty();
	}

	static Shown of(OfferProfile offer, String organisation, Assessment assessment, boolean chosen,
			Explanations.Writer writer) {
		List<Line> lines = assessment.parts()
			.stream()
			.map(p -> new Line(writer.partName(p.part()), p.points(), p.max(), writer.sentence(p.reason())))
			.toList();
		return new Shown(offer, organisation, assessment.total(), lines, writer.sentences(assessment.exclusions()),
				chosen);
	}
}
