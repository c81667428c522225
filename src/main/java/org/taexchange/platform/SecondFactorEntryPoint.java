package org.taexchange.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Where Spring Security sends a person whose second factor is missing or too old. A page they
 * opened is remembered and shown after the code; a decision they sent (a POST, e.g. an approval) is
 * kept with its fields and offered again after the code ({@link PendingDecision}), so it is not lost.
 * Someone who is neither staff nor has a factor has nothing to give: they are simply refused.
 */
final class SecondFactorEntryPoint implements AuthenticationEntryPoint {

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	SecondFactorEntryPoint() {
		// the page is opened again after the code by its plain address, without a ?continue marker
		this.requestCache.setMatchingRequestParameterName(null);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication != null && authentication.getPrincipal() instanceof SecondFactor.Holder holder)
				|| (!holder.isStaff() && !holder.hasSecondFactor())) {
			response.sendError(HttpStatus.FORBIDDEN.value());
			return;
		}
		if ("GET".equals(request.getMethod())) {
			this.requestCache.saveRequest(request, response);
			request.getSession().removeAttribute(PendingDecision.SESSION_ATTRIBUTE);
		}
		else {
			this.requestCache.removeRequest(request, response);
			request.getSession().setAttribute(PendingDecision.SESSION_ATTRIBUTE, pending(request));
		}
		response.sendRedirect(request.getContextPath() + SecondFactor.CHALLENGE_PAGE);
	}

	private static PendingDecision pending(HttpServletRequest request) {
		String csrfParameter = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
				? token.getParameterName() : "_csrf";
		Map<String, List<String>> fields = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals(csrfParameter)) {
				fields.put(name, List.of(values));
			}
		});
		return new PendingDecision(request.getRequestURI().substring(request.getContextPath().length()), fields);
	}
}
