package org.taexchange.security;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.support.SignedIn;


/**
 * The five kinds of visitor the authorization rules distinguish, each backed by a demo account
 * (password {@value #DEMO_PASSWORD}) that the tests load through the application's own
 * {@link UserDetailsService}, so controllers get the real principal type.
 */
enum Visitor {

	ANONYMOUS(null),

	REQUESTER("official.sl@example.org"),

	PROVIDER("provider@example.org"),

	COORDINATOR("coordinator@example.org"),

	ADMIN("admin@example.org");

	static final String DEMO_PASSWORD = "kimberley-demo-2026";

	private final String email;

	Visitor(String email) {
		this.email = email;
	}

	String email() {
		return this.email;
	}

	boolean signedIn() {
		return this.email != null;
	}

	/** How a request is sent as this visitor: nobody signed in, or the demo account's real principal. */
	RequestPostProcessor as(UserDetailsService people) {
		if (!signedIn()) {
			return request -> request;
		}
		UserDetails details = people.loadUserByUsername(this.email);
		return SignedIn.signedIn(details);
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
