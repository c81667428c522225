package org.taexchange.accounts;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

import org.taexchange.audit.SecurityEventKind;
import org.taexchange.audit.SecurityEvents;

/**
 * The portal as a WebAuthn relying party, for Spring Security's passkey filters ({@code http.webAuthn}):
 * Spring's WebAuthn4J operations with the configured domain and origins, plus the port the portal
 * listens on while it runs on {@code localhost}. A new passkey goes into the security trail.
 */
@Component
class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final UserCredentialRepository credentials;

	private final PasskeySettings settings;

	private final SecurityEvents securityEvents;

	private final Accounts accounts;

	private volatile WebAuthnRelyingPartyOperations operations;

	PasskeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
			PasskeySettings settings, SecurityEvents securityEvents, Accounts accounts) {
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.settings = settings;
		this.securityEvents = securityEvents;
		this.accounts = accounts;
		this.operations = operations(Set.copyOf(settings.allowedOrigins()));
	}

	@EventListener
	void on(WebServerInitializedEvent event) {
		if (this.settings.onLocalhost() && event.getWebServer().getPort() > 0) {
			Set<String> origins = new LinkedHashSet<>(this.settings.allowedOrigins());
			origins.add("http://localhost:" + event.getWebServer().getPort());
			this.operations = operations(Set.copyOf(origins));
		}
	}

	private WebAuthnRelyingPartyOperations operations(Set<String> origins) {
		return new Webauthn4JRelyingPartyOperations(this.userEntities, this.credentials,
				PublicKeyCredentialRpEntity.builder().id(this.settings.rpId()).name(this.settings.rpName()).build(),
				origins);
	}

	@Override
	public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
			PublicKeyCredentialCreationOptionsRequest request) {
		return this.operations.createPublicKeyCredentialCreationOptions(request);
	}

	@Override
	public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
		CredentialRecord registered = this.operations.registerCredential(request);
		String email = request.getCreationOptions().getUser().getName();
		this.accounts.findByEmail(email)
			.ifPresent(account -> this.securityEvents.record(SecurityEventKind.FACTOR_ENROLLED, account.getEmail(),
					account.getId(), Passkeys.detail(registered.getLabel())));
		return registered;
	}

	@Override
	public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
			PublicKeyCredentialRequestOptionsRequest request) {
		return this.operations.createCredentialRequestOptions(request);
	}

	@Override
	public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
		return this.operations.authenticate(request);
	}
}
