package org.taexchange.platform;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs {@link SessionStanding} before any authorization decision. A session that must end is
 * invalidated and the person sent to sign in again, with a word on why; otherwise the request runs
 * with the principal as the account stands now (not saved back to the session).
 */
class SessionStandingFilter extends OncePerRequestFilter {

	static final String ENDED = "/login?ended";

	private final SessionStanding standing;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	SessionStandingFilter(SessionStanding standing) {
		this.standing = standing;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = this.contexts.getContext().getAuthentication();
		if (current == null || !current.isAuthenticated() || current instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Authentication> refreshed = this.standing.refresh(current, request);
		if (refreshed.isEmpty()) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			this.contexts.clearContext();
			response.sendRedirect(request.getContextPath() + ENDED);
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(refreshed.get());
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}
}
