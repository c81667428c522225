package org.taexchange.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection.
 *
 * @param maxFailedSignIns wrong passwords in a row before an account is locked
 * @param lockDuration how long it stays locked
 * @param verificationValidity how long a verification link works
 * @param staffIdleTimeout how long a coordinator's or admin's session lasts without a request
 * @param sessionLifetime how long any session lasts from signing in, however busy
 * @param unapprovedDrafts how many drafts (of requests, and of offers) an account keeps before it is approved
 * @param resetValidity how long a "forgot your password?" link works
 * @param invitationValidity how long the link of an invitation to a staff account works
 * @param secondFactorKey the pass phrase the authenticator apps' secrets are encrypted with
 * @param unconfirmedAccountDays how many days an account whose address was never confirmed is kept
 * before it is removed (and its address may register again)
 */
@ConfigurationProperties("app.security")
record SecuritySettings(@DefaultValue("5") int maxFailedSignIns, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("48h") Duration verificationValidity, @DefaultValue("30m") Duration staffIdleTimeout,
		@DefaultValue("8h") Duration sessionLifetime, @DefaultValue("3") int unapprovedDrafts,
		@DefaultValue("1h") Duration resetValidity, @DefaultValue("72h") Duration invitationValidity,
		String secondFactorKey, @DefaultValue("7") int unconfirmedAccountDays) {

	/** How long an account whose address was never confirmed is kept. */
	Duration unconfirmedAccountLifetime() {
		return Duration.ofDays(this.unconfirmedAccountDays);
	}
}
