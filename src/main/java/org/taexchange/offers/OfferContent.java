package org.taexchange.offers;

import java.time.LocalDate;
import java.util.List;

import org.taexchange.participants.Modality;

/** Everything an offer says, as its provider wrote it. */
record OfferContent(String title, String description, List<String> areas, List<Modality> modalities,
		List<String> workingLanguages, Reach reach, List<String> reachRegions, List<String> reachParticipants,
		LocalDate availableFrom, LocalDate availableUntil, Integer capacity, OfferFunding funding, Integer expertsCount,
		String expertsSeniority, List<String> expertsLanguages, List<String> conflictParticipants,
		String conflictReason) {

	OfferContent {
		areas = List.copyOf(areas);
		modalities = List.copyOf(modalities);
		workingLanguages = List.copyOf(workingLanguages);
		reachRegions = List.copyOf(reachRegions);
		reachParticipants = List.copyOf(reachParticipants);
		expertsLanguages = List.copyOf(expertsLanguages);
		conflictParticipants = List.copyOf(conflictParticipants);
		if (availableFrom != null && availableUntil != null && availableUntil.isBefore(availableFrom)) {
			throw new IllegalArgumentException("The availability ends before it starts");
		}
	}
}
