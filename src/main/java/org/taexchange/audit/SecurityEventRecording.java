package org.taexchange.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.taexchange.platform.RateLimited;

/**
 * Writes what Spring Security and the accounts module tell about sign-ins, sign-outs, lockouts and
 * refusals, and what the rate limits tell about their refusals, into the security audit trail. A failed sign-in keeps the address as typed, never the
 * password; a refusal is recorded for signed-in people only (a visitor sent to the sign-in page is not
 * an event).
 */
@Component
class SecurityEventRecording {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final SecurityEvents events;

	SecurityEventRecording(SecurityEvents events) {
		this.events = events;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		this.events.record(SecurityEventKind.SIGNED_IN, authentication.getName(), idOf(authentication), null);
	}

	/** First, before the accounts module counts it and perhaps locks the account: the lockout follows the failure. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(AbstractAuthenticationFailureEvent event) {
		// the name as typed; the credentials (the password) are never read
		this.events.record(SecurityEventKind.SIGN_IN_FAILED, event.getAuthentication().getName(), null,
				reason(event.getException()));
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		this.events.record(SecurityEventKind.SIGNED_OUT, authentication.getName(), idOf(authentication), null);
	}

	/**
	 * The accounts module logs its decisions on an account: a lock after too many wrong passwords (by
	 * the portal), an account disabled or enabled again, or its second factor removed (by an admin, who is named in
	 * the detail).
	 */
	@EventListener
	void on(DecisionMade decision) {
		if (!"ACCOUNT".equals(decision.subjectType())) {
			return;
		}
		switch (decision.action()) {
			case "LOCKED" -> this.events.record(SecurityEventKind.LOCKED_OUT, decision.subjectId(), null,
					decision.reason());
			case "DISABLED" -> this.events.record(SecurityEventKind.ACCOUNT_DISABLED, decision.subjectId(), null,
					byWhom(decision));
			case "ENABLED" -> this.events.record(SecurityEventKind.ACCOUNT_ENABLED, decision.subjectId(), null,
					byWhom(decision));
			case "FACTOR_RESET" -> this.events.record(SecurityEventKind.FACTOR_REMOVED, decision.subjectId(), null,
					byWhom(decision));
			default -> {
				// other decisions on accounts (registered, approved...) are in the decision log only
			}
		}
	}

	private static String byWhom(DecisionMade decision) {
		return decision.actor() + (decision.reason() != null ? ": " + decision.reason() : "");
	}

	/**
	 * A signed-in person refused by the rules of {@code SecurityConfiguration} (403). Spring Security
	 * publishes the event by itself: without an {@code AuthorizationEventPublisher} bean,
	 * {@code authorizeHttpRequests} uses a {@code SpringAuthorizationEventPublisher}, which tells of denials only.
	 */
	@EventListener
	void on(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		if (signedIn(authentication)) {
			String method = event.getObject() instanceof HttpServletRequest request ? request.getMethod() + " " : "";
			this.events.record(SecurityEventKind.ACCESS_DENIED, authentication.getName(), idOf(authentication),
					method + "403");
		}
	}

	/**
	 * A request refused by a rate limit (429), told once per limit, key and period: the person signed
	 * in, else the address typed on the form, if any; the limit in the detail.
	 */
	@EventListener
	void on(RateLimited refused) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn(authentication)) {
			this.events.record(SecurityEventKind.RATE_LIMITED, authentication.getName(), idOf(authentication),
					refused.limit());
		}
		else {
			this.events.record(SecurityEventKind.RATE_LIMITED, refused.addressTyped(), null, refused.limit());
		}
	}

	static boolean signedIn(Authentication authentication) {
		return TRUST.isAuthenticated(authentication);
	}

	static Long idOf(Authentication authentication) {
		return authentication.getPrincipal() instanceof SignedInAccount account ? account.id() : null;
	}

	private static String reason(AuthenticationException failure) {
		if (failure instanceof BadCredentialsException) {
			return "BAD_CREDENTIALS";
		}
		if (failure instanceof LockedException) {
			return "LOCKED";
		}
		if (failure instanceof DisabledException) {
			return "DISABLED";
		}
		return failure.getClass().getSimpleName();
	}
}
