package org.taexchange.requests;

import java.time.LocalDate;
import java.util.List;

/** Step 4: languages, timing, urgency, who benefits and how it is funded. */
record Practicalities(List<String> workingLanguages, String interpretationNeeds, LocalDate earliestStart,
		LocalDate latestEnd, Urgency urgency, Integer beneficiariesCount, String beneficiariesProfile,
		Funding funding) {

	Practicalities {
		workingLanguages = List.copyOf(workingLanguages);
		if (earliestStart != null && latestEnd != null && latestEnd.isBefore(earliestStart)) {
			throw new IllegalArgumentException("The window ends before it starts");
		}
	}
}
