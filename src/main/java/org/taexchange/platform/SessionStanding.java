package org.taexchange.platform;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;

/**
 * Brings a signed-in person up to date at each request of their session: an account disabled, a
 * password changed, an approval given or a participant suspended since signing in counts at once,
 * on every instance. Implemented by the module that owns accounts.
 */
public interface SessionStanding {

	/**
	 * The authentication this request runs with, or empty when the session must end (the account
	 * was disabled, its sessions were ended, or the session outlived its absolute lifetime).
	 */
	Optional<Authentication> refresh(Authentication signedIn, HttpServletRequest request);
}
