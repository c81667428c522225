package org.taexchange.platform;

import java.util.Locale;

/**
 * A signed-in person picked a language with the language switch; their profile remembers it.
 *
 * @param username the principal's name (email address)
 * @param locale the language chosen
 */
public record LocaleChosen(String username, Locale locale) {
}
