package org.taexchange.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often each limited action may be done ({@code app.rate-limits.*}, README: Rate limits). Each
 * allowance is a number of attempts per period, given back smoothly: with 10 per 15 minutes, one
 * more attempt every 90 seconds once they are used up.
 *
 * @param signInPerAddress sign-ins with one email address, whoever tries
 * @param signInPerIp sign-ins from one IP address, whatever the email
 * @param registrationPerAddress registrations of one email address (each sends a mail to it)
 * @param registrationPerIp registrations from one IP address
 * @param passwordResetPerAddress password-reset mails asked for one email address
 * @param passwordResetPerIp password-reset mails asked from one IP address
 * @param verificationPerIp verification links confirmed from one IP address
 * @param uploadsPerAccount files uploaded by one signed-in account
 */
@ConfigurationProperties("app.rate-limits")
record RateLimitSettings(Allowance signInPerAddress, Allowance signInPerIp, Allowance registrationPerAddress,
		Allowance registrationPerIp, Allowance passwordResetPerAddress, Allowance passwordResetPerIp,
		Allowance verificationPerIp, Allowance uploadsPerAccount) {

	/** So many attempts per period. */
	record Allowance(int capacity, Duration period) {

		Allowance {
			if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException(
						"A rate limit needs a capacity of at least 1 and a positive period, not " + capacity + " per "
								+ period);
			}
		}
	}
}
