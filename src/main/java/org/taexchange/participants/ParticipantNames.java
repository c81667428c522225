package org.taexchange.participants;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names of participants in the reader's language. Countries are named from the JDK's locale data,
 * never from hand-written lists; participants that are not countries (the European Union) take
 * their name from the message files, falling back to the reference name.
 */
@Component
public class ParticipantNames {

	private final MessageSource messages;

	ParticipantNames(MessageSource messages) {
		this.messages = messages;
	}

	/** The name of a country (ISO 3166-1 alpha-2 code) in the given language. */
	@SuppressWarnings("deprecation") // Locale.of needs Java 19; the portal compiles for 17
	public static String countryName(String countryCode, Locale locale) {
		String name = new Locale("", countryCode).getDisplayCountry(locale);
		return name.isBlank() ? countryCode : name;
	}

	String of(Participant participant, Locale locale) {
		if (participant.getType() == ParticipantType.STATE) {
			String name = countryName(participant.getCode(), locale);
			return name.equals(participant.getCode()) ? participant.getNameEn() : name;
		}
		return this.messages.getMessage("participant.name." + participant.getCode(), null, participant.getNameEn(),
				locale);
	}
}
