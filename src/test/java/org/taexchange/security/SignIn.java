package org.taexchange.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import org.taexchange.support.AuthenticatorCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Signing in through the portal's form, and reading who a session belongs to. */
final class SignIn {

	private SignIn() {
	}

	/** The sign-in form as a browser posts it (field {@code email}, with the form's CSRF token). */
	static RequestBuilder form(String email, String password) {
		return formLogin("/login").userParameter("email").user(email).password(password);
	}

	/**
	 * Signs a demo staff member in as a browser does: the form, then the code page with a fresh code
	 * of the demo secret. Returns the response to the code, whose session is signed in.
	 */
	static MvcResult withCode(MockMvc mvc, String email, String password) throws Exception {
		MvcResult afterPassword = mvc.perform(form(email, password)).andReturn();
		assertThat(afterPassword.getResponse().getRedirectedUrl()).as("after the password of %s", email)
			.isEqualTo("/login/code");
		MockHttpSession session = (MockHttpSession) afterPassword.getRequest().getSession(false);
		return mvc
			.perform(post("/login/code").session(session)
				.with(csrf())
				.param("code", AuthenticatorCodes.unusedCode(AuthenticatorCodes.DEMO_SECRET)))
			.andReturn();
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
