package org.taexchange.matching;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.taexchange.requests.Funding;
import org.taexchange.requests.RequestProfile;

/** A request as the scoring reads it: its codes as bit sets of one {@link Vocabulary}. */
final class Demand {

	final RequestProfile profile;

	final long areas;

	final long primaryArea;

	final long modalities;

	final long languages;

	/** The requesting participant and the beneficiaries: a conflict of interest with any of them excludes. */
	final BitSet concerned;

	/** Where the assistance is delivered: the beneficiaries, or the requesting participant when none is named. */
	final int[] deliveredTo;

	final long regions;

	final List<String> regionNames;

	final long earliestStart;

	final long latestEnd;

	final Funding funding;

	Demand(RequestProfile profile, Vocabulary words) {
		this.profile = profile;
		this.areas = words.areas(profile.areas()) | words.area(profile.primaryArea());
		this.primaryArea = words.area(profile.primaryArea());
		this.modalities = words.modalities(profile.modalities());
		this.languages = words.languages(profile.languages());
		List<String> places = profile.beneficiaries().isEmpty() ? List.of(profile.requestingParticipant())
				: profile.beneficiaries();
		this.deliveredTo = places.stream().mapToInt(words::participant).toArray();
		List<String> concerned = new ArrayList<>(places);
		concerned.add(profile.requestingParticipant());
		this.concerned = words.participants(concerned);
		this.regions = words.regionsOf(concerned);
		this.regionNames = concerned.stream().map(words::regionOf).filter(r -> r != null).distinct().sorted().toList();
		this.earliestStart = profile.earliestStart() == null ? Long.MIN_VALUE : profile.earliestStart().toEpochDay();
		this.latestEnd = profile.latestEnd() == null ? Long.MAX_VALUE : profile.latestEnd().toEpochDay();
		this.funding = profile.funding();
	}

	long id() {
		return this.profile.id();
	}
}
