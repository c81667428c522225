package org.taexchange.matching;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the codes of one run (areas, languages, modalities, regions, participants) so that the hard
 * filters and the score work on bit sets: scoring millions of pairs then costs a few machine
 * instructions each.
 */
final class Vocabulary {

	private final Map<String, Integer> areas = new HashMap<>();

	private final Map<String, Integer> languages = new HashMap<>();

	private final Map<String, Integer> modalities = new HashMap<>();

	private final Map<String, Integer> regions = new HashMap<>();

	private final Map<String, Integer> participants = new HashMap<>();

	private final Map<String, String> regionOfParticipant;

	/** @param regionOfParticipant each participant's region, by code */
	Vocabulary(Map<String, String> regionOfParticipant) {
		this.regionOfParticipant = regionOfParticipant;
	}

	long areas(Collection<String> codes) {
		return mask(this.areas, codes, "expertise areas");
	}

	long area(String code) {
		return code == null ? 0 : mask(this.areas, java.util.List.of(code), "expertise areas");
	}

	long languages(Collection<String> codes) {
		return mask(this.languages, codes, "languages");
	}

	long modalities(Collection<? extends Enum<?>> values) {
		return mask(this.modalities, values.stream().map(Enum::name).toList(), "modalities");
	}

	long regions(Collection<String> names) {
		return mask(this.regions, names, "regions");
	}

	/** The regions of these participants. */
	long regionsOf(Collection<String> participantCodes) {
		return regions(participantCodes.stream().map(this.regionOfParticipant::get).filter(r -> r != null).toList());
	}

	String regionOf(String participantCode) {
		return participantCode == null ? null : this.regionOfParticipant.get(participantCode);
	}

	int participant(String code) {
		return this.participants.computeIfAbsent(code, c -> this.participants.size());
	}

	BitSet participants(Collection<String> codes) {
		BitSet set = new BitSet();
		codes.forEach(code -> set.set(participant(code)));
		return set;
	}

	/** Every known participant of these regions. */
	BitSet participantsIn(Collection<String> regionNames) {
		BitSet set = new BitSet();
		this.regionOfParticipant.forEach((code, region) -> {
			if (regionNames.contains(region)) {
				set.set(participant(code));
			}
		});
		return set;
	}

	private static long mask(Map<String, Integer> numbers, Collection<String> codes, String what) {
		long mask = 0;
		for (String code : codes) {
			int bit = numbers.computeIfAbsent(code, c -> numbers.size());
			if (bit >= Long.SIZE) {
				throw new IllegalStateException("More than 64 " + what + " in one matching run");
			}
			mask |= 1L << bit;
		}
		return mask;
	}
}
