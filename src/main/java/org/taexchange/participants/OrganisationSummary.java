package org.taexchange.participants;

/** What other modules know of an organisation; {@code participantCode} is set for a participant's own agency. */
public record OrganisationSummary(Long id, String name, String shortName, OrganisationType type,
		OrganisationStatus status, String participantCode) {

	/** The name with its short form, e.g. "World Customs Organization (WCO)". */
	public String label() {
		return this.shortName == null || this.shortName.isBlank() || this.shortName.equals(this.name) ? this.name
				: this.name + " (" + this.shortName + ")";
	}
}
