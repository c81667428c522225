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
 * @param secondFactorKey the pass phrase the authenticator apps' secrets are encrypted with
 */
@ConfigurationProperties("app.security")
record SecuritySettings(@DefaultValue("5") int maxFailedSignIns, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("48h") Duration verificationValidity, String secondFactorKey) {
}
