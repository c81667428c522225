package org.taexchange.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.support.SignedIn;


/**
 * The kinds of visitor the authorization rules distinguish. The five roles are each backed by a demo
 * account (password {@value #DEMO_PASSWORD}); the four standings (pending official and provider,
 * official of a suspended participant, disabled account) by accounts the tests register and record
 * with {@link #register}. All are loaded through the application's own {@link UserDetailsService},
 * so controllers get the real principal type. The standings come first: their requests, which must
 * change nothing, run before the roles' own, which may.
 */
enum Visitor {

	ANONYMOUS(null),

	/** Registered for Sierra Leone, address confirmed, not approved by a coordinator. */
	PENDING_REQUESTER(null),

	/** Registered for the demo provider's organisation (WCO), address confirmed, not approved. */
	PENDING_PROVIDER(null),

	/** An approved official of Sierra Leone (not the demo one), while Sierra Leone is suspended from the scheme. */
	SUSPENDED_REQUESTER(null),

	/** An official of Sierra Leone who was approved, then disabled by an admin. */
	DISABLED(null),

	REQUESTER("official.sl@example.org"),

	PROVIDER("provider@example.org"),

	COORDINATOR("coordinator@example.org"),

	ADMIN("admin@example.org");

	static final String DEMO_PASSWORD = "kimberley-demo-2026";

	/** The five roles, each with a demo account in good standing. */
	static final List<Visitor> ROLES = List.of(ANONYMOUS, REQUESTER, PROVIDER, COORDINATOR, ADMIN);

	private static final Map<Visitor, String> registered = new ConcurrentHashMap<>();

	private final String email;

	Visitor(String email) {
		this.email = email;
	}

	/** Records the account that stands for this visitor, registered by a test. */
	static void register(Visitor visitor, String email) {
		registered.put(visitor, email);
	}

	static boolean isRegistered(Visitor visitor) {
		return registered.containsKey(visitor);
	}

	String email() {
		return this.email != null ? this.email : registered.get(this);
	}

	boolean signedIn() {
		return this != ANONYMOUS;
	}

	/** How a request is sent as this visitor: nobody signed in, or the demo account's real principal. */
	RequestPostProcessor as(UserDetailsService people) {
		if (!signedIn()) {
			return request -> request;
		}
		UserDetails details = people.loadUserByUsername(email());
		return SignedIn.signedIn(details);
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
