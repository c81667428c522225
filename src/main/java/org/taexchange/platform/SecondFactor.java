package org.taexchange.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The second factor of sign-in, as the security rules see it: the authority a person holds once they
 * gave a code from their authenticator app (or a recovery code), where they are asked for it, and
 * how long it counts for an approval (step-up).
 *
 * @param stepUpAfter how long after the last code an approval of an account or a match asks again
 */
@ConfigurationProperties("app.security.second-factor")
public record SecondFactor(@DefaultValue("30m") Duration stepUpAfter) {

	/** The factor an authenticator-app code (or a recovery code) gives. */
	public static final String AUTHORITY = "FACTOR_TOTP";

	/** The page that asks for the code. */
	public static final String CHALLENGE_PAGE = "/login/code";

	/** Where the code's answer goes once it is accepted and a decision is waiting (step-up). */
	public static final String CONTINUE_PAGE = "/login/continue";

	/** Where a person sets up their authenticator app. */
	public static final String ENROLMENT_PAGE = "/account/second-factor";

	/** A signed-in person, who may have set up a second factor. */
	public interface Holder {

		/** Has set up a second factor when they signed in: every page then asks for it. */
		boolean hasSecondFactor();

		/** Coordinators and admins: the admin area asks for a second factor, set up or not. */
		boolean isStaff();
	}
}
