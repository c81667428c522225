package org.taexchange.accounts;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal as a WebAuthn relying party.
 *
 * @param rpId the domain passkeys are bound to: the portal's host name in production, {@code localhost}
 * on a workstation
 * @param rpName the name an authenticator shows when a passkey is made
 * @param allowedOrigins the addresses the portal is opened at, whose pages may use its passkeys. While
 * the domain is {@code localhost}, {@code http://localhost} on the port the portal listens on is allowed
 * too, so a test on a random port needs no setting
 */
@ConfigurationProperties("app.security.passkeys")
record PasskeySettings(@DefaultValue("localhost") String rpId, @DefaultValue("TA Exchange") String rpName,
		@DefaultValue("http://localhost:8080") List<String> allowedOrigins) {

	boolean onLocalhost() {
		return "localhost".equals(this.rpId);
	}
}
