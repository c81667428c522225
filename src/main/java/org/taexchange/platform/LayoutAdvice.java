package org.taexchange.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's layout needs: the links of the language switch that keep the person on the page. */
@ControllerAdvice
class LayoutAdvice {

	@ModelAttribute("languageLinks")
	LanguageLinks languageLinks(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = errorUri instanceof String uri ? uri : request.getRequestURI();
		String query = errorUri == null ? request.getQueryString() : null;
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path).query(query);
		if (!"GET".equals(request.getMethod()) && errorUri == null) {
			builder.replaceQuery(null);
		}
		return new LanguageLinks(builder.cloneBuilder().replaceQueryParam("lang", "en").build().toUriString(),
				builder.cloneBuilder().replaceQueryParam("lang", "fr").build().toUriString());
	}

	/** The same page in English and in French. */
	record LanguageLinks(String en, String fr) {
	}
}
