package org.taexchange.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Resolves the language of a page: the choice made with the switch in this session, else the
 * signed-in person's profile, else the browser's preference among the languages we have.
 */
class PortalLocaleResolver implements LocaleResolver {

	static final String SESSION_ATTRIBUTE = PortalLocaleResolver.class.getName() + ".LOCALE";

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale chosen) {
			return chosen;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof LocalePreference preference) {
			return supported(preference.preferredLocale());
		}
		for (var requested = request.getLocales(); requested.hasMoreElements();) {
			Locale locale = requested.nextElement();
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(locale.getLanguage())) {
					return supported;
				}
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = supported(locale);
		// the session only: a link (GET) changes nothing stored; the profile's language is set on its own form
		request.getSession().setAttribute(SESSION_ATTRIBUTE, chosen);
	}

	static Locale supported(Locale locale) {
		if (locale != null) {
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(locale.getLanguage())) {
					return supported;
				}
			}
		}
		return Locale.ENGLISH;
	}
}
