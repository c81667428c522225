package org.taexchange.participants;

import java.util.Locale;

/** Names of participants and countries from the JDK's locale data, never from hand-written lists. */
public final class ParticipantNames {

	private ParticipantNames() {
	}

	/** The name of a country (ISO 3166-1 alpha-2 code) in the given language. */
	@SuppressWarnings("deprecation") // Locale.of needs Java 19; the portal compiles for 17
	public static String countryName(String countryCode, Locale locale) {
		String name = new Locale("", countryCode).getDisplayCountry(locale);
		return name.isBlank() ? countryCode : name;
	}

	static String displayName(String code, ParticipantType type, String referenceName, Locale locale) {
		if (type == ParticipantType.STATE) {
			String name = countryName(code, locale);
			return name.equals(code) ? referenceName : name;
		}
		return referenceName;
	}
}
