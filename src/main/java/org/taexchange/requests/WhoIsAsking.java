package org.taexchange.requests;

import java.util.List;

/** Step 1: the requesting participant, the countries that benefit, and the focal point. */
record WhoIsAsking(String requestingParticipant, List<String> beneficiaryCountries, String focalName,
		String focalPosition, String focalEmail, String focalPhone) {

	WhoIsAsking {
		beneficiaryCountries = List.copyOf(beneficiaryCountries);
	}

	/** The same answers, on behalf of the given participant. */
	WhoIsAsking forParticipant(String participantCode) {
		return new WhoIsAsking(participantCode, this.beneficiaryCountries, this.focalName, this.focalPosition,
				this.focalEmail, this.focalPhone);
	}
}
