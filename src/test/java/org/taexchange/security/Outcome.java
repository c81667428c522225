package org.taexchange.security;

import java.net.URI;

import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a visitor gets from an endpoint, in the categories the authorization table speaks in. Three
 * mean that security let the request through (the controller answered), two that it refused it:
 * refused means exactly a redirect to the sign-in page for someone not signed in, and exactly 403
 * for someone signed in.
 */
enum Outcome {

	/** Allowed: 2xx, or a redirect to a page other than the sign-in page (e.g. after a form was handled). */
	OK(true),

	/** Allowed: the controller looked for the id or code in the path and answered 404. */
	NOT_FOUND(true),

	/** Allowed: the error page itself, which answers 500 when opened without an error to show. */
	ERROR_PAGE(true),

	/** Refused: 302 to the sign-in page. */
	LOGIN(false),

	/** Refused: 403. */
	FORBIDDEN(false),

	/** Refused: the session ended (the account is disabled), 302 to the sign-in page that says so. */
	ENDED(false),

	/** Anything else; never expected in the table. */
	UNEXPECTED(false);

	private final boolean allowed;

	Outcome(boolean allowed) {
		this.allowed = allowed;
	}

	boolean allowed() {
		return this.allowed;
	}

	/** The one category a response falls into. */
	static Outcome of(MockHttpServletResponse response) {
		int status = response.getStatus();
		if (status == 302 && isSignInPage(response.getRedirectedUrl())) {
			return LOGIN;
		}
		if (status == 302 && "/login?ended".equals(response.getRedirectedUrl())) {
			return ENDED;
		}
		if (status == 403) {
			return FORBIDDEN;
		}
		if (status == 404) {
			return NOT_FOUND;
		}
		if (status == 500) {
			return ERROR_PAGE;
		}
		if (status >= 200 && status < 300) {
			return OK;
		}
		if (status >= 300 && status < 400 && response.getRedirectedUrl() != null
				&& !isSignInPage(response.getRedirectedUrl())) {
			return OK;
		}
		return UNEXPECTED;
	}

	/** {@code /login} without a query: where Spring Security sends someone who must sign in first. */
	static boolean isSignInPage(String location) {
		if (location == null) {
			return false;
		}
		URI uri = URI.create(location);
		return "/login".equals(uri.getPath()) && uri.getQuery() == null;
	}

	static String describe(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		return response.getStatus() + (location != null ? " -> " + location : "");
	}
}
