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
}
