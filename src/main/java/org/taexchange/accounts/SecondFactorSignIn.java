package org.taexchange.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;

import org.taexchange.audit.SecurityEventKind;
import org.taexchange.audit.SecurityEvents;
import org.taexchange.platform.SecondFactor;

/**
 * A sign-in that gained a second factor: the person as they are now, the factors given before (the
 * password, perhaps the other second factor), and the new one with the time it was given, which the
 * step-up rule reads.
 */
@Component
class SecondFactorSignIn implements SecondFactor.PasskeyUse {

	private final AccountUserDetailsService people;

	private final SecurityEvents securityEvents;

	private final Clock clock;

	SecondFactorSignIn(AccountUserDetailsService people, SecurityEvents securityEvents, Clock clock) {
		this.people = people;
		this.securityEvents = securityEvents;
		this.clock = clock;
	}

	/** The sign-in of this person with a factor given now. */
	Authentication withFactor(AccountUser principal, Authentication current, String factor) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		principal.getAuthorities().forEach(authorities::add);
		current.getAuthorities()
			.stream()
			.filter(a -> a instanceof FactorGrantedAuthority && !factor.equals(a.getAuthority()))
			.forEach(authorities::add);
		authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(this.clock.instant()).build());
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	@Override
	public Authentication withPasskey(Authentication signedIn) {
		AccountUser principal = (AccountUser) this.people.loadUserByUsername(signedIn.getName());
		this.securityEvents.record(SecurityEventKind.FACTOR_USED, principal.getUsername(), principal.id(), "passkey");
		return withFactor(principal, signedIn, SecondFactor.PASSKEY_AUTHORITY);
	}
}
