package org.taexchange.platform;

import java.util.Locale;

/** Implemented by a signed-in principal that has a preferred language in its profile. */
public interface LocalePreference {

	Locale preferredLocale();
}
