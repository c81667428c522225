package org.taexchange.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Puts the links of the language switch on every request, so that every page, error pages
 * included, links to itself in the other languages. A page shown in answer to a POST links to its
 * address without the data, which is never put in a URL.
 */
@Component
class LanguageLinksFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = "languageLinks";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(ATTRIBUTE, linksFor(request));
		chain.doFilter(request, response);
	}

	/** Error pages (a 403 from the security filters, a 404) need the links too. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static LanguageLinks linksFor(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = onSite(errorUri instanceof String uri ? uri : request.getRequestURI());
		String query = errorUri == null && "GET".equals(request.getMethod()) ? request.getQueryString() : null;
		UriComponentsBuilder page = UriComponentsBuilder.fromPath(path).query(query);
		return new LanguageLinks(page.cloneBuilder().replaceQueryParam("lang", "en").build().toUriString(),
				page.cloneBuilder().replaceQueryParam("lang", "fr").build().toUriString());
	}

	/**
	 * The path as a link that stays on the portal. The address of an error page is the one asked
	 * for, as sent and refused: {@code //elsewhere.example/x} would be a link to another site, and
	 * browsers read {@code /\elsewhere.example} the same way; such a page's links lead home.
	 */
	static String onSite(String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
			return "/";
		}
		return path;
	}

	/** The page being shown, in English and in French. */
	record LanguageLinks(String en, String fr) {
	}
}
