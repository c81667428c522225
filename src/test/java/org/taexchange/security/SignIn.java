package org.taexchange.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/** Signing in through the portal's form, and reading who a session belongs to. */
final class SignIn {

	private SignIn() {
	}

	/** The sign-in form as a browser posts it (field {@code email}, with the form's CSRF token). */
	static RequestBuilder form(String email, String password) {
		return formLogin("/login").userParameter("email").user(email).password(password);
	}

	/** The name of the person signed in in this session, or {@code null}. */
	static String whoIsSignedIn(HttpSession session) {
		if (session == null) {
			return null;
		}
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context instanceof SecurityContext security && security.getAuthentication() != null) {
			return security.getAuthentication().getName();
		}
		return null;
	}
}
