package org.taexchange.participants;

/** Who an organisation that offers expertise is. */
public enum OrganisationType {
	GOVERNMENT, OBSERVER, INTERNATIONAL_ORG, DONOR_AGENCY, INDUSTRY, CIVIL_SOCIETY, ACADEMIC, PRIVATE
}
