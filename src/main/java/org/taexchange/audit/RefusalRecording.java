package org.taexchange.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import org.taexchange.platform.NotFound;

/**
 * Records a signed-in person whom a controller refuses: {@link NotFound} (404, also what someone gets
 * for another participant's or organisation's object, which they may not know exists) and
 * {@link AccessDeniedException} (403). It only looks: it resolves nothing, so the error pages stay
 * as they are.
 */
@Component
class RefusalRecording implements HandlerExceptionResolver, Ordered {

	private final SecurityEvents events;

	RefusalRecording(SecurityEvents events) {
		this.events = events;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String status = ex instanceof NotFound ? "404" : ex instanceof AccessDeniedException ? "403" : null;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (status != null && SecurityEventRecording.signedIn(authentication)) {
			this.events.record(SecurityEventKind.ACCESS_DENIED, authentication.getName(),
					SecurityEventRecording.idOf(authentication), request.getMethod() + " " + status);
		}
		return null;
	}

	/** Right after Spring Boot's error attributes, which also only look; before anything that answers. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}
}
