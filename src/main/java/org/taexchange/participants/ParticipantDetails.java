package org.taexchange.participants;

import java.util.List;

/** The descriptive details of a participant, as an admin enters them. */
record ParticipantDetails(String code, String alpha3, String nameEn, ParticipantType type, String region,
		List<String> languages, List<String> groups, List<String> countries, boolean producer, String notes) {

	ParticipantDetails {
		languages = List.copyOf(languages);
		groups = List.copyOf(groups);
		countries = List.copyOf(countries);
	}
}
