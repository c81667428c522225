package org.taexchange.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a post past its rate limit with 429 and the error page {@code error/429}, which says when
 * to try again; the request goes no further, so nothing is stored and no mail is sent. It sits in
 * Spring Security's chain before the sign-in filter: a refused sign-in never checks a password, and
 * an upload is counted against the account already signed in. Not a bean, so that the servlet
 * container does not run it a second time outside the chain.
 */
class RateLimitFilter extends OncePerRequestFilter {

	/** The request attribute the error page reads: whole minutes until one more attempt is allowed. */
	static final String RETRY_AFTER_MINUTES = "retryAfterMinutes";

	private final RateLimits limits;

	RateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = this.limits.admit(request);
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, ceilDiv(wait.get().toMillis(), 1000));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		request.setAttribute(RETRY_AFTER_MINUTES, ceilDiv(seconds, 60));
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
	}

	private static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}
}
