package org.taexchange.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.platform.SecondFactor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * A MockMvc request sent by a person who signed in as the portal signs people in: their password
 * and, just now, a code from their authenticator app (which the admin area asks of staff).
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** The person (loaded through the application's UserDetailsService), with both factors given now. */
	public static RequestPostProcessor signedIn(UserDetails person) {
		return signedIn(person, Instant.now());
	}

	/** The person, with the password given and the code given at that moment (an old code: step-up). */
	public static RequestPostProcessor signedIn(UserDetails person, Instant codeGivenAt) {
		List<GrantedAuthority> authorities = new ArrayList<>(person.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(codeGivenAt)
			.build());
		authorities.add(FactorGrantedAuthority.withAuthority(SecondFactor.AUTHORITY).issuedAt(codeGivenAt).build());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(person, null, authorities));
	}

	/** The person, with the password given and a passkey used at that moment (an old one: step-up). */
	public static RequestPostProcessor signedInWithPasskey(UserDetails person, Instant passkeyUsedAt) {
		return withFactors(person, SecondFactor.PASSKEY_AUTHORITY, passkeyUsedAt);
	}

	/** The person, with the password given and no second factor yet. */
	public static RequestPostProcessor signedInWithPasswordOnly(UserDetails person) {
		return withFactors(person, null, Instant.now());
	}

	private static RequestPostProcessor withFactors(UserDetails person, String secondFactor, Instant givenAt) {
		List<GrantedAuthority> authorities = new ArrayList<>(person.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(givenAt)
			.build());
		if (secondFactor != null) {
			authorities.add(FactorGrantedAuthority.withAuthority(secondFactor).issuedAt(givenAt).build());
		}
		return authentication(UsernamePasswordAuthenticationToken.authenticated(person, null, authorities));
	}
}
