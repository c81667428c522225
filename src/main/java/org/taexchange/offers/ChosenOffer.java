package org.taexchange.offers;

import java.util.List;

import org.taexchange.participants.Modality;

/** A published offer as a request that asks for it sees it: what to pre-fill, and which offer it was. */
public record ChosenOffer(long id, String reference, String title, List<String> areas, List<Modality> modalities,
		List<String> workingLanguages) {

	public ChosenOffer {
		areas = List.copyOf(areas);
		modalities = List.copyOf(modalities);
		workingLanguages = List.copyOf(workingLanguages);
	}
}
