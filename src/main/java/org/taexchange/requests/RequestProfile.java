package org.taexchange.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.taexchange.participants.Modality;

/**
 * What the matching module reads of a request: what its hard filters and score look at, and what a
 * coordinator needs to recognise it in a list.
 *
 * @param chosenOfferId the offer the requester picked from the catalogue, if any
 */
public record RequestProfile(long id, String reference, String title, RequestStatus status,
		String requestingParticipant, List<String> beneficiaries, String primaryArea, List<String> areas,
		List<Modality> modalities, List<String> languages, LocalDate earliestStart, LocalDate latestEnd,
		Urgency urgency, Funding funding, Long chosenOfferId, Instant statusChangedAt) {

	static RequestProfile of(AssistanceRequest request) {
		return new RequestProfile(request.getId(), request.getReference(), request.getTitle(), request.getStatus(),
				request.getRequestingParticipant(), List.copyOf(request.getBeneficiaryCountries()),
				request.getPrimaryArea(), List.copyOf(request.getExpertiseAreas()), List.copyOf(request.getModalities()),
				List.copyOf(request.getWorkingLanguages()), request.getEarliestStart(), request.getLatestEnd(),
				request.getUrgency(), request.getFunding(), request.getChosenOfferId(), request.getStatusChangedAt());
	}
}
