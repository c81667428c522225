package org.taexchange.offers;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.taexchange.accounts.AccountUser;
import org.taexchange.offers.Vetting.Decision;
import org.taexchange.participants.Modality;
import org.taexchange.support.Registrations;


/**
 * Offers for tests, made through the module's own services the way a provider and a coordinator
 * make them: drafts, offers waiting for vetting, published and paused ones. Public so that tests of
 * other packages (the authorization table) get real ids and references without reaching into the
 * module; also registers providers of other organisations through the portal's pages.
 */
public final class OfferExamples {

	public static final String PROVIDER = "provider@example.org";

	public static final String COORDINATOR = "coordinator@example.org";

	/** The participant the examples declare a conflict of interest with, and why. */
	public static final String CONFLICT_PARTICIPANT = "ZW";

	public static final String CONFLICT_PARTICIPANT_NAME = "Zimbabwe";

	public static final String CONFLICT_REASON = "Our trainers advise a Zimbabwean mining company on its exports.";

	private final OfferWriting writing;

	private final Vetting vetting;

	private final Offers offers;

	private final UserDetailsService people;

	private final JdbcTemplate jdbc;

	private final ApplicationContext context;

	public OfferExamples(ApplicationContext context) {
		this.context = context;
		this.writing = context.getBean(OfferWriting.class);
		this.vetting = context.getBean(Vetting.class);
		this.offers = context.getBean(Offers.class);
		this.people = context.getBean(UserDetailsService.class);
		this.jdbc = context.getBean(JdbcTemplate.class);
	}

	/** The signed-in person of an account, as the controllers get them. */
	public AccountUser person(String email) {
		return (AccountUser) this.people.loadUserByUsername(email);
	}

	/** Everything an offer says, complete enough to be vetted, with a conflict of interest declared. */
	static OfferContent content(String title) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return new OfferContent(title, "Two valuers spend a week with a government valuation office.",
				List.of("VALUATION", "STATISTICS"), List.of(Modality.WORKSHOP, Modality.EXPERT_MISSION),
				List.of("en", "fr"), Reach.ALL, List.of(), List.of(), today.plusMonths(1), today.plusMonths(11), 3,
				OfferFunding.FULLY_FUNDED, 2, "Senior valuers", List.of("en"), List.of(CONFLICT_PARTICIPANT),
				CONFLICT_REASON);
	}

	/** A complete draft of the provider's organisation; its id. */
	public long draft(String providerEmail) {
		return draft(providerEmail, "Valuation mentoring " + System.nanoTime());
	}

	long draft(String providerEmail, String title) {
		return this.writing.start(person(providerEmail), content(title));
	}

	long draft(String providerEmail, OfferContent content) {
		return this.writing.start(person(providerEmail), content);
	}

	/** A complete offer of the provider's organisation, sent for vetting; its reference. */
	public String submitted(String providerEmail) {
		return submit(draft(providerEmail), providerEmail);
	}

	String submit(long id, String providerEmail) {
		return this.writing.submit(id, versionOf(id), person(providerEmail)).value();
	}

	/** An offer of the provider's organisation that a coordinator published; its reference. */
	public String published(String providerEmail) {
		String reference = submitted(providerEmail);
		decide(reference, Decision.PUBLISH, null);
		return reference;
	}

	String published(String providerEmail, OfferContent content) {
		String reference = submit(draft(providerEmail, content), providerEmail);
		decide(reference, Decision.PUBLISH, null);
		return reference;
	}

	/** An offer published with this availability window, otherwise like the others; its reference. */
	public String published(String providerEmail, LocalDate from, LocalDate until) {
		OfferContent usual = content("Valuation mentoring " + System.nanoTime());
		return published(providerEmail, new OfferContent(usual.title(), usual.description(), usual.areas(),
				usual.modalities(), usual.workingLanguages(), usual.reach(), usual.reachRegions(),
				usual.reachParticipants(), from, until, usual.capacity(), usual.funding(), usual.expertsCount(),
				usual.expertsSeniority(), usual.expertsLanguages(), usual.conflictParticipants(), usual.conflictReason()));
	}

	/** A published offer its provider paused; its reference. */
	public String paused(String providerEmail) {
		String reference = published(providerEmail);
		long id = idOf(reference);
		this.writing.pause(id, versionOf(id), person(providerEmail));
		return reference;
	}

	/** A coordinator's decision on the offer as it is now. */
	void decide(String reference, Decision decision, String text) {
		this.vetting.decide(new OfferReference(reference), versionOf(idOf(reference)), person(COORDINATOR), decision,
				text);
	}

	public long idOf(String reference) {
		return this.offers.findByReference(reference).orElseThrow().getId();
	}

	/** The version of the offer as a page showing it now would carry. */
	public long versionOf(long id) {
		return offer(id).getVersion();
	}

	Offer offer(long id) {
		return this.offers.findById(id).orElseThrow();
	}

	public OfferStatus statusOf(long id) {
		return offer(id).getStatus();
	}

	/**
	 * Registers a provider of another active organisation through the registration page, confirms
	 * the address with the link mailed and has a coordinator approve the account; its email address.
	 */
	public String anotherApprovedProvider(String organisationShortName) throws Exception {
		long organisation = this.jdbc.queryForObject(
				"select id from organisation where short_name = ? and status = 'ACTIVE'", Long.class,
				organisationShortName);
		Registrations registrations = new Registrations(this.context);
		String email = registrations
			.provider("provider." + organisationShortName.toLowerCase().replace(' ', '-'), organisation);
		registrations.approve(email);
		return email;
	}
}
