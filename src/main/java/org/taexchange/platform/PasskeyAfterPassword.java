package org.taexchange.platform;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * A passkey as the second factor, never as the first: Spring Security's passkey sign-in
 * ({@code POST /login/webauthn}) is accepted only from a person already signed in with their
 * password, and only for a passkey of their own account. Spring checks the signature
 * ({@link WebAuthnAuthenticationProvider}); the sign-in then gains the passkey's factor and keeps the
 * person as the rest of the portal knows them ({@link SecondFactor.PasskeyUse}), under a new session
 * id. The answer tells the page where to go next: the decision waiting for the factor, the page first
 * asked for, or the person's landing page.
 */
final class PasskeyAfterPassword implements ObjectPostProcessor<WebAuthnAuthenticationFilter> {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuthenticationProvider passkeys;

	private final SecondFactor.PasskeyUse use;

	private final RoleBasedLandingPage landingPage;

	PasskeyAfterPassword(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService people,
			SecondFactor.PasskeyUse use, RoleBasedLandingPage landingPage) {
		this.passkeys = new WebAuthnAuthenticationProvider(relyingParty, people);
		this.use = use;
		this.landingPage = landingPage;
	}

	@Override
	public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
		filter.setAuthenticationManager(this::authenticate);
		filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
		filter.setAuthenticationSuccessHandler(this::accepted);
		return filter;
	}

	/** The {@link AuthenticationManager} of the filter. */
	private Authentication authenticate(Authentication passkeyRequest) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (!TRUST.isAuthenticated(signedIn) || !(signedIn.getPrincipal() instanceof SecondFactor.Holder)) {
			throw new BadCredentialsException("A passkey is a second factor: the password comes first");
		}
		Authentication passkey = this.passkeys.authenticate(passkeyRequest);
		if (passkey == null || !signedIn.getName().equals(passkey.getName())) {
			throw new BadCredentialsException("The passkey belongs to another account");
		}
		return this.use.withPasskey(signedIn);
	}

	private void accepted(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
			throws IOException, ServletException {
		String next = request.getSession().getAttribute(PendingDecision.SESSION_ATTRIBUTE) != null
				? request.getContextPath() + SecondFactor.CONTINUE_PAGE
				: this.landingPage.nextPage(request, response, signedIn);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getWriter(), Map.of("authenticated", true, "redirectUrl", next));
	}
}
