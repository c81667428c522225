package org.taexchange.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.springframework.data.domain.AbstractAggregateRoot;

import org.taexchange.audit.DecisionMade;
import org.taexchange.participants.Modality;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.requests.RequestEvents.RequestDelivered;
import org.taexchange.requests.RequestEvents.RequestInformationAsked;
import org.taexchange.requests.RequestEvents.RequestInformationGiven;
import org.taexchange.requests.RequestEvents.RequestMatched;
import org.taexchange.requests.RequestEvents.RequestMessageSent;
import org.taexchange.requests.RequestEvents.RequestOpenedForMatching;
import org.taexchange.requests.RequestEvents.RequestPutOnHold;
import org.taexchange.requests.RequestEvents.RequestRejected;
import org.taexchange.requests.RequestEvents.RequestResumed;
import org.taexchange.requests.RequestEvents.RequestReviewStarted;
import org.taexchange.requests.RequestEvents.RequestSubmitted;
import org.taexchange.requests.RequestEvents.RequestWithdrawn;
import org.taexchange.requests.RequestMessage.Author;

/**
 * A request for technical assistance. It is written in steps as a draft, submitted with a
 * reference number, and then moves through triage to matching (DESIGN §2). Each move is a method
 * here that checks the current status, records the change on the request's timeline and in the
 * decision log, and tells other modules.
 */
@Entity
@Table(name = "assistance_request")
class AssistanceRequest extends AbstractAggregateRoot<AssistanceRequest> {

	static final String SUBJECT = "REQUEST";

	/** The number of steps of the form: who, need, expertise, practicalities, attachments, review. */
	static final int STEPS = 6;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String reference;

	@Enumerated(EnumType.STRING)
	private RequestStatus status;

	@Enumerated(EnumType.STRING)
	private RequestStatus heldFrom;

	private Long ownerId;

	private String requestingParticipant;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> beneficiaryCountries = new ArrayList<>();

	private String focalName;

	private String focalPosition;

	private String focalEmail;

	private String focalPhone;

	private String title;

	private String problemStatement;

	private String objectives;

	private String expectedOutcomes;

	private String alreadyUnderway;

	private Integer evidenceReportYear;

	private String evidenceReviewVisit;

	private String evidenceWdIndicator;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> expertiseAreas = new ArrayList<>();

	private String primaryArea;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> modalities = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> workingLanguages = new ArrayList<>();

	private String interpretationNeeds;

	private LocalDate earliestStart;

	private LocalDate latestEnd;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	private Integer beneficiariesCount;

	private String beneficiariesProfile;

	@Enumerated(EnumType.STRING)
	private Funding funding;

	private int stepReached;

	private Long chosenOfferId;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant submittedAt;

	private Instant statusChangedAt;

	@OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("occurredAt asc, id asc")
	private List<RequestStatusChange> timeline = new ArrayList<>();

	@OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("sentAt asc, id asc")
	private List<RequestMessage> messages = new ArrayList<>();

	@Version
	private Long version;

	protected AssistanceRequest() {
	}

	/** A new draft, started by an account for its participant from step 1. */
	static AssistanceRequest draft(long ownerId, WhoIsAsking who, Clock clock) {
		AssistanceRequest request = new AssistanceRequest();
		request.ownerId = ownerId;
		request.status = RequestStatus.DRAFT;
		request.createdAt = clock.instant();
		request.statusChangedAt = request.createdAt;
		request.stepReached = 1;
		request.describe(who, clock);
		return request;
	}

	// --- the content, step by step -------------------------------------------------------------

	void describe(WhoIsAsking who, Clock clock) {
		requireEditable();
		this.requestingParticipant = who.requestingParticipant();
		this.beneficiaryCountries = new ArrayList<>(who.beneficiaryCountries());
		this.focalName = who.focalName();
		this.focalPosition = who.focalPosition();
		this.focalEmail = who.focalEmail();
		this.focalPhone = who.focalPhone();
		edited(1, clock);
	}

	void describe(TheNeed need, Clock clock) {
		requireEditable();
		this.title = need.title();
		this.problemStatement = need.problemStatement();
		this.objectives = need.objectives();
		this.expectedOutcomes = need.expectedOutcomes();
		this.alreadyUnderway = need.alreadyUnderway();
		this.evidenceReportYear = need.evidenceReportYear();
		this.evidenceReviewVisit = need.evidenceReviewVisit();
		this.evidenceWdIndicator = need.evidenceWdIndicator();
		edited(2, clock);
	}

	void describe(ExpertiseWanted expertise, Clock clock) {
		requireEditable();
		this.expertiseAreas = new ArrayList<>(expertise.areas());
		this.primaryArea = expertise.primaryArea();
		this.modalities = new ArrayList<>(expertise.modalities().stream().map(Enum::name).toList());
		edited(3, clock);
	}

	void describe(Practicalities practicalities, Clock clock) {
		requireEditable();
		this.workingLanguages = new ArrayList<>(practicalities.workingLanguages());
		this.interpretationNeeds = practicalities.interpretationNeeds();
		this.earliestStart = practicalities.earliestStart();
		this.latestEnd = practicalities.latestEnd();
		this.urgency = practicalities.urgency();
		this.beneficiariesCount = practicalities.beneficiariesCount();
		this.beneficiariesProfile = practicalities.beneficiariesProfile();
		this.funding = practicalities.funding();
		edited(4, clock);
	}

	/** The attachments step is done (attachments themselves are kept beside the request). */
	void attachmentsReviewed(Clock clock) {
		requireEditable();
		edited(5, clock);
	}

	/**
	 * A file is attached to or removed from the request. Only while it can be edited; the change
	 * counts as an edit, so a review page shown before it is stale.
	 */
	void attachmentsChanged(Clock clock) {
		requireEditable();
		this.updatedAt = clock.instant();
	}

	/**
	 * Records in the decision log an edit of a request that was already submitted (while the
	 * coordinator waits for information); edits of a draft are nobody else's business yet.
	 */
	void recordEdit(String editor, String part, Clock clock) {
		if (this.status != RequestStatus.DRAFT) {
			registerEvent(new DecisionMade(clock.instant(), editor, SUBJECT, this.reference, "EDITED", this.status.name(),
					this.status.name(), part));
		}
	}

	/** Whether the request's content may still change: a draft, or a request the coordinator asked about. */
	boolean isEditable() {
		return this.status == RequestStatus.DRAFT || this.status == RequestStatus.NEEDS_INFO;
	}

	/**
	 * An official asks for this offer from the catalogue: matching shows it first, and the request
	 * starts with its areas (the first as primary), ways of working and languages, which the official
	 * can still change. The steps reached do not move.
	 */
	void chooseOffer(long offerId, List<String> areas, List<Modality> modalities, List<String> languages,
			Clock clock) {
		requireEditable();
		this.chosenOfferId = offerId;
		if (this.expertiseAreas.isEmpty() && !areas.isEmpty()) {
			this.expertiseAreas = new ArrayList<>(areas);
			this.primaryArea = areas.get(0);
		}
		if (this.modalities.isEmpty()) {
			this.modalities = new ArrayList<>(modalities.stream().map(Enum::name).toList());
		}
		if (this.workingLanguages.isEmpty()) {
			this.workingLanguages = new ArrayList<>(languages);
		}
		this.updatedAt = clock.instant();
	}

	private void requireEditable() {
		if (!isEditable()) {
			throw new IllegalTransition("request", this.status.name(), "EDITED");
		}
	}

	private void edited(int step, Clock clock) {
		this.stepReached = Math.max(this.stepReached, Math.min(step + 1, STEPS));
		this.updatedAt = clock.instant();
	}

	/** The parts still missing before the request can be submitted, as message keys; empty when complete. */
	List<String> missingParts() {
		List<String> missing = new ArrayList<>();
		if (this.requestingParticipant == null) {
			missing.add("request.missing.participant");
		}
		if (this.beneficiaryCountries.isEmpty()) {
			missing.add("request.missing.beneficiaries");
		}
		if (isBlank(this.focalName) || isBlank(this.focalEmail)) {
			missing.add("request.missing.focalPoint");
		}
		if (isBlank(this.title) || isBlank(this.problemStatement) || isBlank(this.objectives)
				|| isBlank(this.expectedOutcomes)) {
			missing.add("request.missing.need");
		}
		if (this.expertiseAreas.isEmpty() || this.primaryArea == null) {
			missing.add("request.missing.expertise");
		}
		if (this.modalities.isEmpty()) {
			missing.add("request.missing.modalities");
		}
		if (this.workingLanguages.isEmpty()) {
			missing.add("request.missing.languages");
		}
		if (this.urgency == null || this.funding == null) {
			missing.add("request.missing.practicalities");
		}
		return missing;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	// --- the lifecycle -------------------------------------------------------------------------

	/** The requester sends the complete draft; it gets its reference number. */
	void submit(ReferenceNumber reference, String actor, Clock clock) {
		require(RequestStatus.DRAFT, "SUBMITTED");
		List<String> missing = missingParts();
		if (!missing.isEmpty()) {
			throw new IncompleteRequest(missing);
		}
		this.reference = reference.value();
		this.submittedAt = clock.instant();
		moveTo(RequestStatus.SUBMITTED, "SUBMITTED", actor, null, clock);
		registerEvent(new RequestSubmitted(this.id, this.reference, this.submittedAt));
	}

	void startReview(String coordinator, Clock clock) {
		require(RequestStatus.SUBMITTED, "UNDER_REVIEW");
		moveTo(RequestStatus.UNDER_REVIEW, "REVIEW_STARTED", coordinator, null, clock);
		registerEvent(new RequestReviewStarted(this.id, this.reference));
	}

	/** The coordinator's question goes to the requester as a message; the request waits for the answer. */
	void askForInformation(Author coordinator, String question, Clock clock) {
		require(RequestStatus.UNDER_REVIEW, "NEEDS_INFO");
		String text = requireText(question);
		this.messages.add(new RequestMessage(this, clock.instant(), coordinator, text));
		moveTo(RequestStatus.NEEDS_INFO, "INFORMATION_ASKED", coordinator.email(), text, clock);
		registerEvent(new RequestInformationAsked(this.id, this.reference, this.statusChangedAt));
	}

	/** The requester answered (a reply or an edit): the review goes on. */
	void informationGiven(String requester, Clock clock) {
		require(RequestStatus.NEEDS_INFO, "UNDER_REVIEW");
		moveTo(RequestStatus.UNDER_REVIEW, "INFORMATION_GIVEN", requester, null, clock);
		registerEvent(new RequestInformationGiven(this.id, this.reference));
	}

	/**
	 * A message in the thread. From the requester while the coordinator waits for information, it is
	 * the answer, and the review goes on. Not on a draft (nobody reads it) nor once the request is closed.
	 */
	void sendMessage(Author author, String body, Clock clock) {
		if (this.status == RequestStatus.DRAFT || this.status.isFinal()) {
			throw new IllegalTransition("request", this.status.name(), "MESSAGE");
		}
		String text = requireText(body);
		this.messages.add(new RequestMessage(this, clock.instant(), author, text));
		this.updatedAt = clock.instant();
		if (!author.coordinator() && this.status == RequestStatus.NEEDS_INFO) {
			informationGiven(author.email(), clock);
		}
		else {
			registerEvent(new DecisionMade(clock.instant(), author.email(), SUBJECT, this.reference, "MESSAGE_SENT",
					this.status.name(), this.status.name(), null));
			registerEvent(new RequestMessageSent(this.id, this.reference, author.coordinator()));
		}
	}

	void openForMatching(String coordinator, Clock clock) {
		require(RequestStatus.UNDER_REVIEW, "OPEN_FOR_MATCHING");
		moveTo(RequestStatus.OPEN_FOR_MATCHING, "OPENED_FOR_MATCHING", coordinator, null, clock);
		registerEvent(new RequestOpenedForMatching(this.id, this.reference));
	}

	void reject(String coordinator, String reason, Clock clock) {
		if (!this.status.isInTriage()) {
			throw new IllegalTransition("request", this.status.name(), "REJECTED");
		}
		String why = requireText(reason);
		moveTo(RequestStatus.REJECTED, "REJECTED", coordinator, why, clock);
		registerEvent(new RequestRejected(this.id, this.reference, why));
	}

	void putOnHold(String coordinator, String reason, Clock clock) {
		if (!this.status.isHoldable()) {
			throw new IllegalTransition("request", this.status.name(), "ON_HOLD");
		}
		this.heldFrom = this.status;
		moveTo(RequestStatus.ON_HOLD, "PUT_ON_HOLD", coordinator, requireText(reason), clock);
		registerEvent(new RequestPutOnHold(this.id, this.reference));
	}

	/** Back to where it was before the hold. */
	void resume(String coordinator, Clock clock) {
		require(RequestStatus.ON_HOLD, "RESUMED");
		RequestStatus back = this.heldFrom;
		this.heldFrom = null;
		moveTo(back, "RESUMED", coordinator, null, clock);
		registerEvent(new RequestResumed(this.id, this.reference));
	}

	/** The requester withdraws the request before delivery starts. */
	void withdraw(String requester, String reason, Clock clock) {
		if (!this.status.isWithdrawable()) {
			throw new IllegalTransition("request", this.status.name(), "WITHDRAWN");
		}
		this.heldFrom = null;
		moveTo(RequestStatus.WITHDRAWN, "WITHDRAWN", requester, reason == null || reason.isBlank() ? null : reason.strip(),
				clock);
		registerEvent(new RequestWithdrawn(this.id, this.reference));
	}

	// --- after matching ---------------------------------------------------------------------------

	/** The requester confirmed a match: the request has its offer. */
	void matched(String requester, String matchLabel, Clock clock) {
		require(RequestStatus.OPEN_FOR_MATCHING, "MATCHED");
		moveTo(RequestStatus.MATCHED, "MATCHED", requester, matchLabel, clock);
		registerEvent(new RequestMatched(this.id, this.reference));
	}

	/** Its confirmed match was cancelled before delivery ended: the request waits for another offer. */
	void matchEnded(String actor, String reason, Clock clock) {
		if (this.status != RequestStatus.MATCHED && this.status != RequestStatus.IN_DELIVERY) {
			throw new IllegalTransition("request", this.status.name(), "OPEN_FOR_MATCHING");
		}
		moveTo(RequestStatus.OPEN_FOR_MATCHING, "MATCH_ENDED", actor, reason, clock);
		registerEvent(new RequestOpenedForMatching(this.id, this.reference));
	}

	void deliveryStarted(String actor, Clock clock) {
		require(RequestStatus.MATCHED, "IN_DELIVERY");
		moveTo(RequestStatus.IN_DELIVERY, "DELIVERY_STARTED", actor, null, clock);
	}

	void delivered(String actor, Clock clock) {
		require(RequestStatus.IN_DELIVERY, "DELIVERED");
		moveTo(RequestStatus.DELIVERED, "DELIVERED", actor, null, clock);
		registerEvent(new RequestDelivered(this.id, this.reference));
	}

	private void require(RequestStatus expected, String attempted) {
		if (this.status != expected) {
			throw new IllegalTransition("request", this.status.name(), attempted);
		}
	}

	private static String requireText(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A reason or message is required");
		}
		return text.strip();
	}

	private void moveTo(RequestStatus target, String action, String actor, String reason, Clock clock) {
		RequestStatus before = this.status;
		this.status = target;
		this.statusChangedAt = clock.instant();
		this.updatedAt = this.statusChangedAt;
		this.timeline.add(new RequestStatusChange(this, this.statusChangedAt, actor, before, target, reason));
		registerEvent(new DecisionMade(this.statusChangedAt, actor, SUBJECT, this.reference, action, before.name(),
				target.name(), reason));
	}

	// --- reading -------------------------------------------------------------------------------

	public Long getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public RequestStatus getStatus() {
		return this.status;
	}

	public RequestStatus getHeldFrom() {
		return this.heldFrom;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public String getRequestingParticipant() {
		return this.requestingParticipant;
	}

	public List<String> getBeneficiaryCountries() {
		return List.copyOf(this.beneficiaryCountries);
	}

	public String getFocalName() {
		return this.focalName;
	}

	public String getFocalPosition() {
		return this.focalPosition;
	}

	public String getFocalEmail() {
		return this.focalEmail;
	}

	public String getFocalPhone() {
		return this.focalPhone;
	}

	public String getTitle() {
		return this.title;
	}

	public String getProblemStatement() {
		return this.problemStatement;
	}

	public String getObjectives() {
		return this.objectives;
	}

	public String getExpectedOutcomes() {
		return this.expectedOutcomes;
	}

	public String getAlreadyUnderway() {
		return this.alreadyUnderway;
	}

	public Integer getEvidenceReportYear() {
		return this.evidenceReportYear;
	}

	public String getEvidenceReviewVisit() {
		return this.evidenceReviewVisit;
	}

	public String getEvidenceWdIndicator() {
		return this.evidenceWdIndicator;
	}

	public List<String> getExpertiseAreas() {
		return List.copyOf(this.expertiseAreas);
	}

	public String getPrimaryArea() {
		return this.primaryArea;
	}

	public List<Modality> getModalities() {
		return this.modalities.stream().map(Modality::valueOf).toList();
	}

	public List<String> getWorkingLanguages() {
		return List.copyOf(this.workingLanguages);
	}

	public String getInterpretationNeeds() {
		return this.interpretationNeeds;
	}

	public LocalDate getEarliestStart() {
		return this.earliestStart;
	}

	public LocalDate getLatestEnd() {
		return this.latestEnd;
	}

	public Urgency getUrgency() {
		return this.urgency;
	}

	public Integer getBeneficiariesCount() {
		return this.beneficiariesCount;
	}

	public String getBeneficiariesProfile() {
		return this.beneficiariesProfile;
	}

	public Funding getFunding() {
		return this.funding;
	}

	public int getStepReached() {
		return this.stepReached;
	}

	public Long getChosenOfferId() {
		return this.chosenOfferId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getStatusChangedAt() {
		return this.statusChangedAt;
	}

	public List<RequestStatusChange> getTimeline() {
		return List.copyOf(this.timeline);
	}

	/** The timeline collection itself, for loading it before the transaction ends. */
	List<RequestStatusChange> getTimelineForReading() {
		return this.timeline;
	}

	List<RequestMessage> getMessagesForReading() {
		return this.messages;
	}

	public List<RequestMessage> getMessages() {
		return List.copyOf(this.messages);
	}

	public Long getVersion() {
		return this.version;
	}
}
