package org.taexchange.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signing in to a locked or rejected account costs the same password hashing as any other attempt.
 * Spring Security refuses such accounts before it checks the password, so without this the quick
 * answer would tell that the address has an account and what became of it. The listener runs in the
 * sign-in request, before the answer is sent.
 */
@Component
class EqualSignInWork {

	private final PasswordEncoder passwordEncoder;

	EqualSignInWork(PasswordEncoder passwordEncoder) {
		this.passwordEncoder = passwordEncoder;
	}

	@EventListener({ AuthenticationFailureLockedEvent.class, AuthenticationFailureDisabledEvent.class })
	void on(AbstractAuthenticationFailureEvent event) {
		Object typed = event.getAuthentication().getCredentials();
		this.passwordEncoder.encode(typed instanceof String password ? password : "");
	}
}
