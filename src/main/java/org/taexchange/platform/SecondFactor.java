package org.taexchange.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The second factor of sign-in, as the security rules see it: the authority a person holds once they
 * gave a code from their authenticator app (or a recovery code) or used one of their passkeys, where
 * they are asked for it, and how long it counts for an approval (step-up). Either factor will do.
 *
 * @param stepUpAfter how long after the last code an approval of an account or a match asks again
 */
@ConfigurationProperties("app.security.second-factor")
public record SecondFactor(@DefaultValue("30m") Duration stepUpAfter) {

	/** The factor an authenticator-app code (or a recovery code) gives. */
	public static final String AUTHORITY = "FACTOR_TOTP";

	/** The factor a passkey gives (Spring Security's WebAuthn factor), after the password only. */
	public static final String PASSKEY_AUTHORITY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

	/** The page that asks for the code. */
	public static final String CHALLENGE_PAGE = "/login/code";

	/** Where the code's answer goes once it is accepted and a decision is waiting (step-up). */
	public static final String CONTINUE_PAGE = "/login/continue";

	/** Where a person sets up their authenticator app. */
	public static final String ENROLMENT_PAGE = "/account/second-factor";

	/** Whether this sign-in holds a second factor, of either kind, however old. */
	public static boolean given(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> AUTHORITY.equals(a.getAuthority()) || PASSKEY_AUTHORITY.equals(a.getAuthority()));
	}

	/**
	 * Adds a passkey to the sign-in of the person it belongs to, once Spring Security checked its
	 * signature: the accounts module knows the person and records the use.
	 */
	public interface PasskeyUse {

		/**
		 * The session's sign-in with the passkey's factor given now; the caller has made sure the
		 * passkey belongs to the person signed in.
		 */
		Authentication withPasskey(Authentication signedIn);
	}

	/** A signed-in person, who may have set up a second factor. */
	public interface Holder {

		/** Has set up an authenticator app or a passkey: every page then asks for one of them. */
		boolean hasSecondFactor();

		/** Coordinators and admins: the admin area asks for a second factor, set up or not. */
		boolean isStaff();
	}
}
