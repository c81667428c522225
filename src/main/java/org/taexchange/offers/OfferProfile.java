package org.taexchange.offers;

import java.time.LocalDate;
import java.util.List;

import org.taexchange.participants.Modality;

/**
 * What matching reads of an offer: everything its hard filters and score look at, nothing the
 * provider wrote only for people (the description, the experts' profile).
 *
 * @param languages the offer's working languages and those its experts speak
 * @param capacityLeft engagements neither used nor set aside for an approved match
 */
public record OfferProfile(long id, String reference, String title, long organisationId, OfferStatus status,
		List<String> areas, List<Modality> modalities, List<String> languages, Reach reach, List<String> reachRegions,
		List<String> reachParticipants, LocalDate availableFrom, LocalDate availableUntil, int capacity,
		int capacityLeft, OfferFunding funding, List<String> conflictParticipants) {

	/** The same offer with fewer engagements left (e.g. those a plan already counts as proposed). */
	public OfferProfile withCapacityLeft(int left) {
		return left == this.capacityLeft ? this
				: new OfferProfile(this.id, this.reference, this.title, this.organisationId, this.status, this.areas,
						this.modalities, this.languages, this.reach, this.reachRegions, this.reachParticipants,
						this.availableFrom, this.availableUntil, this.capacity, left, this.funding,
						this.conflictParticipants);
	}

	static OfferProfile of(Offer offer) {
		List<String> languages = new java.util.ArrayList<>(offer.getWorkingLanguages());
		offer.getExpertsLanguages().stream().filter(l -> !languages.contains(l)).forEach(languages::add);
		return new OfferProfile(offer.getId(), offer.getReference(), offer.getTitle(), offer.getOrganisationId(),
				offer.getStatus(), List.copyOf(offer.getExpertiseAreas()), List.copyOf(offer.getModalities()),
				List.copyOf(languages), offer.getReach(), List.copyOf(offer.getReachRegions()),
				List.copyOf(offer.getReachParticipants()), offer.getAvailableFrom(), offer.getAvailableUntil(),
				offer.getCapacity() == null ? 0 : offer.getCapacity(), offer.capacityLeft(), offer.getFunding(),
				List.copyOf(offer.getConflictParticipants()));
	}
}
