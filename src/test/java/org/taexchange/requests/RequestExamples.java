package org.taexchange.requests;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Modality;
import org.taexchange.requests.Triage.Decision;

/**
 * Requests for tests, made through the portal's own services the way an official and a
 * coordinator make them: drafts, files, submitted requests, requests under review. Public so that
 * tests of other packages (the authorization table) get real ids and references for their example
 * paths without reaching into the module.
 */
public final class RequestExamples {

	/** A small PDF: files are accepted by what their content is, and this content is a PDF. */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	private final RequestDrafts drafts;

	private final Triage triage;

	private final AssistanceRequests requests;

	private final RequestAttachments attachments;

	private final ReferenceNumbers numbers;

	private final UserDetailsService people;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	public RequestExamples(ApplicationContext context) {
		this.drafts = context.getBean(RequestDrafts.class);
		this.triage = context.getBean(Triage.class);
		this.requests = context.getBean(AssistanceRequests.class);
		this.attachments = context.getBean(RequestAttachments.class);
		this.numbers = context.getBean(ReferenceNumbers.class);
		this.people = context.getBean(UserDetailsService.class);
		this.transactions = context.getBean(TransactionTemplate.class);
		this.jdbc = context.getBean(JdbcTemplate.class);
	}

	/** The signed-in person of an account, as the controllers get them. */
	public AccountUser person(String email) {
		return (AccountUser) this.people.loadUserByUsername(email);
	}

	/** A draft with only its first step answered. */
	public long startedDraft(String officialEmail) {
		return this.drafts.start(person(officialEmail), who());
	}

	/** A draft with every step answered, ready to be submitted. */
	public long completeDraft(String officialEmail) {
		return completeDraft(person(officialEmail), "Training for diamond valuers",
				new ExpertiseWanted(List.of("VALUATION", "STATISTICS"), "VALUATION", List.of(Modality.WORKSHOP)),
				Urgency.SOON);
	}

	long completeDraft(AccountUser official, String title, ExpertiseWanted expertise, Urgency urgency) {
		long id = this.drafts.start(official, who());
		this.drafts.save(id, official, need(title));
		this.drafts.save(id, official, expertise);
		this.drafts.save(id, official, practicalities(urgency));
		return id;
	}

	/** Attaches a PDF to a draft of this official and returns the attachment's id. */
	public long attachFile(long draftId, String officialEmail) {
		this.drafts.attach(draftId, person(officialEmail), "mission-report.pdf", PDF);
		List<RequestAttachments.Listed> files = this.attachments.listFor(draftId);
		return files.get(files.size() - 1).id();
	}

	/** Submits the draft as it is now and returns the request's reference. */
	public String submit(long draftId, String officialEmail) {
		return this.drafts.submit(draftId, versionOf(draftId), person(officialEmail)).value();
	}

	/** A complete request of the official's participant, submitted; its reference. */
	public String submitted(String officialEmail) {
		return submit(completeDraft(officialEmail), officialEmail);
	}

	/** A submitted request whose review the coordinator has started; its reference. */
	public String underReview(String officialEmail, String coordinatorEmail) {
		String reference = submitted(officialEmail);
		decide(reference, coordinatorEmail, Decision.START_REVIEW, null);
		return reference;
	}

	/** A request a coordinator reviewed and opened for matching; its reference. */
	public String openForMatching(String officialEmail, String coordinatorEmail) {
		String reference = underReview(officialEmail, coordinatorEmail);
		decide(reference, coordinatorEmail, Decision.OPEN_FOR_MATCHING, null);
		return reference;
	}

	/** A request a coordinator reviewed and turned down with this reason; its reference. */
	public String rejected(String officialEmail, String coordinatorEmail, String reason) {
		String reference = underReview(officialEmail, coordinatorEmail);
		decide(reference, coordinatorEmail, Decision.REJECT, reason);
		return reference;
	}

	/** A coordinator's decision on the request as it is now. */
	void decide(String reference, String coordinatorEmail, Decision decision, String text) {
		this.triage.decide(new ReferenceNumber(reference), versionOf(idOf(reference)), person(coordinatorEmail),
				decision, text);
	}

	public long idOf(String reference) {
		return this.requests.findByReference(reference).orElseThrow().getId();
	}

	AssistanceRequest requestOf(long id) {
		return this.requests.findById(id).orElseThrow();
	}

	/** The version of the request as a page showing it now would carry. */
	public long versionOf(long id) {
		return this.requests.findById(id).orElseThrow().getVersion();
	}

	/**
	 * A request submitted at the given moment, written and submitted through the request's own
	 * methods with a clock stopped at that moment, so that its place in time is the test's choice.
	 */
	AssistanceRequest submittedAt(Instant at, AccountUser official, String title, ExpertiseWanted expertise,
			Urgency urgency) {
		Clock then = Clock.fixed(at, ZoneOffset.UTC);
		return this.transactions.execute(status -> {
			AssistanceRequest request = AssistanceRequest.draft(official.id(),
					who().forParticipant(official.participantCode()), then);
			request.describe(need(title), then);
			request.describe(expertise, then);
			request.describe(practicalities(urgency), then);
			request = this.requests.saveAndFlush(request);
			request.submit(this.numbers.next(LocalDate.ofInstant(at, ZoneOffset.UTC).getYear()),
					official.getUsername(), then);
			return this.requests.save(request);
		});
	}

	/** Moves a request on at the given moment, with the coordinator's decision taken then. */
	void decideAt(Instant at, long id, String coordinatorEmail, Decision decision) {
		Clock then = Clock.fixed(at, ZoneOffset.UTC);
		this.transactions.executeWithoutResult(status -> {
			AssistanceRequest request = this.requests.findById(id).orElseThrow();
			switch (decision) {
				case START_REVIEW -> request.startReview(coordinatorEmail, then);
				case OPEN_FOR_MATCHING -> request.openForMatching(coordinatorEmail, then);
				default -> throw new IllegalArgumentException("Not needed by the tests: " + decision);
			}
			this.requests.save(request);
		});
	}

	/** The statuses of a request's timeline, oldest first. */
	List<String> timelineOf(long id) {
		return this.jdbc.queryForList("select to_status from request_status_change where request_id = ? order by id",
				String.class, id);
	}

	/** The actions the decision log holds for a request, oldest first. */
	List<String> decisionsOn(String reference) {
		return this.jdbc.queryForList(
				"select action from decision_log where subject_type = 'REQUEST' and subject_id = ? order by id",
				String.class, reference);
	}

	private static WhoIsAsking who() {
		return new WhoIsAsking("SL", List.of("SL", "LR"), "Aminata Sesay", "Head of monitoring",
				"focal.point@example.org", "+232 76 000 000");
	}

	private static TheNeed need(String title) {
		return new TheNeed(title, "Export values are set without a recent reference price.",
				"Train government valuers on rough-diamond valuation.",
				"Valuations within five per cent of the reference.", null, 2025, null, null);
	}

	private static Practicalities practicalities(Urgency urgency) {
		return new Practicalities(List.of("en", "fr"), null, LocalDate.of(2030, 3, 1), LocalDate.of(2030, 9, 30),
				urgency, 12, "Valuers of the national agency", Funding.CAN_CO_FUND);
	}
}
