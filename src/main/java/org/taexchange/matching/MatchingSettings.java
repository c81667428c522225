package org.taexchange.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.matching.*}: how many suggestions a coordinator sees, how many candidates per request the
 * plan considers, the weight of each part of the score (they add up to 100), and the deadlines of a
 * match's stages in working days.
 */
@ConfigurationProperties("app.matching")
record MatchingSettings(@DefaultValue("10") int suggestions, @DefaultValue("50") int candidates,
		@DefaultValue Weights weights, @DefaultValue Deadlines deadlines) {

	MatchingSettings {
		if (suggestions < 1 || candidates < 1) {
			throw new IllegalArgumentException("app.matching.suggestions and app.matching.candidates must be at least 1");
		}
	}

	/** Points of each part of the score; together they make 100. */
	record Weights(@DefaultValue("35") int expertise, @DefaultValue("10") int modality,
			@DefaultValue("15") int language, @DefaultValue("15") int timing, @DefaultValue("10") int funding,
			@DefaultValue("5") int record, @DefaultValue("10") int region) {

		static final Weights DEFAULT = new Weights(35, 10, 15, 15, 10, 5, 10);

		Weights {
			int[] all = { expertise, modality, language, timing, funding, record, region };
			int sum = 0;
			for (int weight : all) {
				if (weight < 0) {
					throw new IllegalArgumentException("app.matching.weights.* cannot be negative");
				}
				sum += weight;
			}
			if (sum != 100) {
				throw new IllegalArgumentException("app.matching.weights.* must add up to 100, not " + sum);
			}
		}

		int of(Part part) {
			return switch (part) {
				case EXPERTISE -> this.expertise;
				case MODALITY -> this.modality;
				case LANGUAGE -> this.language;
				case TIMING -> this.timing;
				case FUNDING -> this.funding;
				case RECORD -> this.record;
				case REGION -> this.region;
			};
		}
	}

	/** Working days each side has for its move. */
	record Deadlines(@DefaultValue("5") int approval, @DefaultValue("10") int providerAnswer,
			@DefaultValue("10") int confirmation) {
	}
}
