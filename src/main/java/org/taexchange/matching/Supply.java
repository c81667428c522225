package org.taexchange.matching;

import java.util.BitSet;

import org.taexchange.offers.OfferFunding;
import org.taexchange.offers.OfferProfile;
import org.taexchange.offers.OfferStatus;
import org.taexchange.offers.Reach;

/** An offer as the scoring reads it: its codes as bit sets of one {@link Vocabulary}. */
final class Supply {

	final OfferProfile profile;

	final long areas;

	final long modalities;

	final long languages;

	final boolean reachesAll;

	/** Participants it can be delivered to, when not to all. */
	final BitSet reach;

	/** Regions the offer is aimed at: those named, or those of the participants named. */
	final long aimedAt;

	/** The region of the participant the provider belongs to; 0 for an international provider. */
	final long homeRegion;

	final String homeRegionName;

	final java.util.List<String> aimedAtNames;

	final BitSet conflicts;

	final long availableFrom;

	final long availableUntil;

	final OfferFunding funding;

	final boolean published;

	final int capacityLeft;

	/** @param providerParticipant the participant whose agency offers it, or null */
	Supply(OfferProfile profile, String providerParticipant, Vocabulary words) {
		this.profile = profile;
		this.areas = words.areas(profile.areas());
		this.modalities = words.modalities(profile.modalities());
		this.languages = words.languages(profile.languages());
		this.reachesAll = profile.reach() == null || profile.reach() == Reach.ALL;
		if (profile.reach() == Reach.REGIONS) {
			this.reach = words.participantsIn(profile.reachRegions());
			this.aimedAt = words.regions(profile.reachRegions());
		}
		else if (profile.reach() == Reach.PARTICIPANTS) {
			this.reach = words.participants(profile.reachParticipants());
			this.aimedAt = words.regionsOf(profile.reachParticipants());
		}
		else {
			this.reach = new BitSet();
			this.aimedAt = 0;
		}
		this.aimedAtNames = profile.reach() == Reach.REGIONS ? profile.reachRegions()
				: profile.reach() == Reach.PARTICIPANTS ? profile.reachParticipants()
					.stream()
					.map(words::regionOf)
					.filter(r -> r != null)
					.distinct()
					.toList() : java.util.List.of();
		String home = words.regionOf(providerParticipant);
		this.homeRegionName = home;
		this.homeRegion = home == null ? 0 : words.regions(java.util.List.of(home));
		this.conflicts = words.participants(profile.conflictParticipants());
		this.availableFrom = profile.availableFrom() == null ? Long.MIN_VALUE : profile.availableFrom().toEpochDay();
		this.availableUntil = profile.availableUntil() == null ? Long.MAX_VALUE
				: profile.availableUntil().toEpochDay();
		this.funding = profile.funding();
		this.published = profile.status() == OfferStatus.PUBLISHED;
		this.capacityLeft = profile.capacityLeft();
	}

	long id() {
		return this.profile.id();
	}

	long organisationId() {
		return this.profile.organisationId();
	}
}
