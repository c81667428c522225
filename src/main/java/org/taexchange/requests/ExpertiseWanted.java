package org.taexchange.requests;

import java.util.List;

import org.taexchange.participants.Modality;

/** Step 3: the expertise areas (one of them primary) and the preferred ways of working. */
record ExpertiseWanted(List<String> areas, String primaryArea, List<Modality> modalities) {

	ExpertiseWanted {
		areas = List.copyOf(areas);
		modalities = List.copyOf(modalities);
		if (primaryArea != null && !areas.contains(primaryArea)) {
			throw new IllegalArgumentException("The primary area must be one of the areas chosen");
		}
	}
}
