package org.taexchange.matching;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.taexchange.accounts.AccountUser;
import org.taexchange.matching.MatchLifecycle.Step;
import org.taexchange.offers.OfferExamples;
import org.taexchange.requests.RequestExamples;

/**
 * Matches for tests, made through the module's services the way coordinators, providers and officials
 * make them: a request opened for matching, an offer published, then the match proposed and moved on.
 */
public final class MatchExamples {

	public static final String COORDINATOR = "coordinator@example.org";

	public static final String PROVIDER = "provider@example.org";

	/** An official of Sierra Leone. */
	public static final String OFFICIAL = "official.sl@example.org";

	private final RequestExamples requests;

	private final OfferExamples offers;

	private final Suggestions suggestions;

	private final MatchLifecycle lifecycle;

	private final Matches matches;

	private final UserDetailsService people;

	public MatchExamples(ApplicationContext context) {
		this.requests = new RequestExamples(context);
		this.offers = new OfferExamples(context);
		this.suggestions = context.getBean(Suggestions.class);
		this.lifecycle = context.getBean(MatchLifecycle.class);
		this.matches = context.getBean(Matches.class);
		this.people = context.getBean(UserDetailsService.class);
	}

	public AccountUser person(String email) {
		return (AccountUser) this.people.loadUserByUsername(email);
	}

	public RequestExamples requests() {
		return this.requests;
	}

	public OfferExamples offers() {
		return this.offers;
	}

	/** A fresh request of Sierra Leone and a fresh offer of the demo provider, matched and proposed; its id. */
	public long proposed() {
		String request = this.requests.openForMatching(OFFICIAL, COORDINATOR);
		return proposed(request, offer());
	}

	/**
	 * An offer of the demo provider available during the whole window of the example requests (March to
	 * September 2030), in English and French, for valuation and statistics; its reference.
	 */
	public String offer() {
		return this.offers.published(PROVIDER, java.time.LocalDate.of(2030, 1, 1), java.time.LocalDate.of(2030, 12, 31));
	}

	/** This request and offer, proposed from the suggestions; the match's id. */
	public long proposed(String requestReference, String offerReference) {
		return this.suggestions
			.propose(requestReference, this.offers.idOf(offerReference), MatchOrigin.SUGGESTION, null, COORDINATOR)
			.getId();
	}

	public long approved() {
		long id = proposed();
		take(id, Step.APPROVE, COORDINATOR, null);
		return id;
	}

	public long accepted() {
		long id = approved();
		accept(id);
		return id;
	}

	/** The provider accepts an approved match. */
	public void accept(long id) {
		take(id, Step.ACCEPT, PROVIDER, null);
	}

	public long confirmed() {
		long id = accepted();
		take(id, Step.CONFIRM, OFFICIAL, null);
		return id;
	}

	/** A coordinator approves the match as it is now. */
	public void approve(long id) {
		take(id, Step.APPROVE, COORDINATOR, null);
	}

	/** Takes a step on the match as it is now. */
	public void take(long id, Step step, String email, String reason) {
		this.lifecycle.take(id, versionOf(id), step, reason, person(email));
	}

	public long versionOf(long id) {
		return this.matches.findById(id).orElseThrow().getVersion();
	}

	MatchStatus statusOf(long id) {
		return this.matches.findById(id).orElseThrow().getStatus();
	}

	public String statusNameOf(long id) {
		return statusOf(id).name();
	}
}
