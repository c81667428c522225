package org.taexchange.participants;

/** The details of an organisation as an admin enters them. */
record OrganisationDetails(String name, String shortName, OrganisationType type, boolean observer,
		String participantCode) {
}
