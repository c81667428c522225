package org.taexchange.platform;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * After signing in: back to the page that asked for it, or where a page asked to continue
 * ({@link PostSignIn}), else coordinators to the admin area and
 * everyone else to the home page. The session takes the language of the person's profile. A person
 * with a second factor is asked for it first; the code page then calls this again.
 */
@Component
class RoleBasedLandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

	private final RequestCache savedRequests = new HttpSessionRequestCache();

	RoleBasedLandingPage() {
		setDefaultTargetUrl("/");
		setRequestCache(this.savedRequests);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		HttpSession session = request.getSession();
		if (authentication.getPrincipal() instanceof LocalePreference preference) {
			session.setAttribute(PortalLocaleResolver.SESSION_ATTRIBUTE,
					PortalLocaleResolver.supported(preference.preferredLocale()));
		}
		if (authentication.getPrincipal() instanceof SecondFactor.Holder holder && holder.hasSecondFactor()
				&& !SecondFactor.given(authentication)) {
			// the page asked for stays saved: the code page continues there
			getRedirectStrategy().sendRedirect(request, response, SecondFactor.CHALLENGE_PAGE);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * Where a person goes once signed in, for a page that sends them there itself (after a passkey):
	 * the page they first asked for, or their landing page.
	 */
	String nextPage(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		SavedRequest saved = this.savedRequests.getRequest(request, response);
		if (saved != null) {
			this.savedRequests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return request.getContextPath() + determineTargetUrl(request, response, authentication);
	}

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(PostSignIn.CONTINUE_AT) instanceof String target
				&& target.startsWith("/") && !target.startsWith("//")) {
			session.removeAttribute(PostSignIn.CONTINUE_AT);
			return target;
		}
		boolean coordinator = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.equals("ROLE_COORDINATOR") || a.equals("ROLE_ADMIN"));
		return coordinator ? "/admin" : "/";
	}
}
