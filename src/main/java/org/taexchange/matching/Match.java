package org.taexchange.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.springframework.data.domain.AbstractAggregateRoot;

import org.taexchange.audit.DecisionMade;
import org.taexchange.matching.MatchEvents.MatchAccepted;
import org.taexchange.matching.MatchEvents.MatchApproved;
import org.taexchange.matching.MatchEvents.MatchCancelled;
import org.taexchange.matching.MatchEvents.MatchCompleted;
import org.taexchange.matching.MatchEvents.MatchConfirmed;
import org.taexchange.matching.MatchEvents.MatchDeclined;
import org.taexchange.matching.MatchEvents.MatchDeliveryStarted;
import org.taexchange.matching.MatchEvents.MatchProposed;
import org.taexchange.matching.MatchEvents.MatchRejected;
import org.taexchange.platform.IllegalTransition;

/**
 * A request paired with an offer (DESIGN §2): proposed by a coordinator with its score and explanation
 * as they were then, approved by a coordinator, accepted by the provider, confirmed by the requester,
 * delivered. Approval sets one engagement of the offer aside, confirmation uses it, and every way out
 * before delivery gives it back; each move says which, and the caller moves the offer's capacity in the
 * same transaction.
 */
@Entity
@Table(name = "request_match")
class Match extends AbstractAggregateRoot<Match> {

	static final String SUBJECT = "MATCH";

	/** What a move does to the offer's capacity. */
	enum CapacityMove {
		NONE, HOLD, USE_HELD, RELEASE_HELD, RELEASE_USED
	}

	/** Where the match's engagement stands. */
	enum Engagement {
		NONE, HELD, USED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long requestId;

	private String requestReference;

	private String requestingParticipant;

	private long offerId;

	private String offerReference;

	private long organisationId;

	@Enumerated(EnumType.STRING)
	private MatchStatus status;

	@Enumerated(EnumType.STRING)
	private MatchOrigin origin;

	private int score;

	/** For an offer picked by hand that the filters had excluded: the reasons, as message keys. */
	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> excludedBecause = new ArrayList<>();

	private String overrideReason;

	@Enumerated(EnumType.STRING)
	@jakarta.persistence.Column(name = "capacity")
	private Engagement engagement = Engagement.NONE;

	private String proposedBy;

	private Instant proposedAt;

	private Instant approvedAt;

	private Instant acceptedAt;

	private Instant statusChangedAt;

	@ElementCollection
	@CollectionTable(name = "request_match_part", joinColumns = @JoinColumn(name = "match_id"))
	@OrderColumn(name = "position")
	private List<MatchPart> parts = new ArrayList<>();

	@OneToMany(mappedBy = "match", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("occurredAt asc, id asc")
	private List<MatchStatusChange> timeline = new ArrayList<>();

	@Version
	private Long version;

	protected Match() {
	}

	/**
	 * A coordinator proposes this offer for this request. An override (an offer picked by hand) needs a
	 * reason; the assessment, excluded or scored, is kept as it is now.
	 */
	static Match propose(Pairing pairing, Assessment assessment, MatchOrigin origin, String overrideReason,
			String coordinator, Clock clock) {
		boolean override = origin == MatchOrigin.COORDINATOR;
		if (override && (overrideReason == null || overrideReason.isBlank())) {
			throw new IllegalArgumentException("An offer picked by hand needs a reason");
		}
		if (!override && assessment.isExcluded()) {
			throw new IllegalArgumentException("An excluded offer can only be picked by hand");
		}
		Match match = new Match();
		match.requestId = pairing.requestId();
		match.requestReference = pairing.requestReference();
		match.requestingParticipant = pairing.requestingParticipant();
		match.offerId = pairing.offerId();
		match.offerReference = pairing.offerReference();
		match.organisationId = pairing.organisationId();
		match.origin = origin;
		match.score = assessment.total();
		match.excludedBecause = new ArrayList<>(assessment.exclusions().stream().map(Reason::key).toList());
		match.parts = new ArrayList<>(assessment.parts().stream().map(MatchPart::new).toList());
		match.overrideReason = override ? overrideReason.strip() : null;
		match.proposedBy = coordinator;
		match.proposedAt = clock.instant();
		match.status = MatchStatus.PROPOSED;
		match.statusChangedAt = match.proposedAt;
		match.timeline.add(new MatchStatusChange(match, match.proposedAt, coordinator, null, MatchStatus.PROPOSED,
				match.overrideReason));
		match.registerEvent(new DecisionMade(match.proposedAt, coordinator, SUBJECT, match.label(), "MATCH_PROPOSED",
				null, MatchStatus.PROPOSED.name(), match.overrideReason));
		return match;
	}

	/** What a match pairs: the request and the offer, with what lists and access checks need. */
	record Pairing(long requestId, String requestReference, String requestingParticipant, long offerId,
			String offerReference, long organisationId) {
	}

	/** Published once the match has its id. */
	void announce() {
		registerEvent(new MatchProposed(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId));
	}

	// --- the lifecycle ---------------------------------------------------------------------------

	CapacityMove approve(String coordinator, Clock clock) {
		require(MatchStatus.PROPOSED, MatchStatus.APPROVED);
		this.approvedAt = clock.instant();
		this.engagement = Engagement.HELD;
		moveTo(MatchStatus.APPROVED, "MATCH_APPROVED", coordinator, null, clock);
		registerEvent(new MatchApproved(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId, this.statusChangedAt));
		return CapacityMove.HOLD;
	}

	CapacityMove reject(String coordinator, String reason, Clock clock) {
		require(MatchStatus.PROPOSED, MatchStatus.REJECTED);
		moveTo(MatchStatus.REJECTED, "MATCH_REJECTED", coordinator, requireText(reason), clock);
		registerEvent(new MatchRejected(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId));
		return CapacityMove.NONE;
	}

	CapacityMove accept(String provider, Clock clock) {
		require(MatchStatus.APPROVED, MatchStatus.ACCEPTED);
		this.acceptedAt = clock.instant();
		moveTo(MatchStatus.ACCEPTED, "MATCH_ACCEPTED", provider, null, clock);
		registerEvent(new MatchAccepted(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId, this.statusChangedAt));
		return CapacityMove.NONE;
	}

	/** The provider declines an approved match. */
	CapacityMove declineAsProvider(String provider, String reason, Clock clock) {
		require(MatchStatus.APPROVED, MatchStatus.DECLINED);
		return decline(provider, reason, true, clock);
	}

	/** The requester declines a match the provider accepted. */
	CapacityMove declineAsRequester(String requester, String reason, Clock clock) {
		require(MatchStatus.ACCEPTED, MatchStatus.DECLINED);
		return decline(requester, reason, false, clock);
	}

	private CapacityMove decline(String actor, String reason, boolean byProvider, Clock clock) {
		// checked before anything changes: a refused decline keeps the engagement set aside
		String why = requireText(reason);
		this.engagement = Engagement.NONE;
		moveTo(MatchStatus.DECLINED, byProvider ? "MATCH_DECLINED_BY_PROVIDER" : "MATCH_DECLINED_BY_REQUESTER", actor,
				why, clock);
		registerEvent(new MatchDeclined(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId, byProvider));
		return CapacityMove.RELEASE_HELD;
	}

	CapacityMove confirm(String requester, Clock clock) {
		require(MatchStatus.ACCEPTED, MatchStatus.CONFIRMED);
		this.engagement = Engagement.USED;
		moveTo(MatchStatus.CONFIRMED, "MATCH_CONFIRMED", requester, null, clock);
		registerEvent(new MatchConfirmed(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId));
		return CapacityMove.USE_HELD;
	}

	CapacityMove startDelivery(String actor, Clock clock) {
		require(MatchStatus.CONFIRMED, MatchStatus.IN_DELIVERY);
		moveTo(MatchStatus.IN_DELIVERY, "MATCH_DELIVERY_STARTED", actor, null, clock);
		registerEvent(new MatchDeliveryStarted(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId));
		return CapacityMove.NONE;
	}

	CapacityMove complete(String actor, Clock clock) {
		require(MatchStatus.IN_DELIVERY, MatchStatus.COMPLETED);
		moveTo(MatchStatus.COMPLETED, "MATCH_COMPLETED", actor, null, clock);
		registerEvent(new MatchCompleted(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId));
		return CapacityMove.NONE;
	}

	/** A coordinator (or the portal, when the request is withdrawn) ends a match in progress. */
	CapacityMove cancel(String actor, String reason, Clock clock) {
		if (!this.status.isInProgress()) {
			throw new IllegalTransition("match", this.status.name(), MatchStatus.CANCELLED.name());
		}
		// checked before anything changes: a refused cancellation keeps what the match held or used
		String why = requireText(reason);
		CapacityMove move = switch (this.engagement) {
			case NONE -> CapacityMove.NONE;
			case HELD -> CapacityMove.RELEASE_HELD;
			case USED -> CapacityMove.RELEASE_USED;
		};
		this.engagement = Engagement.NONE;
		moveTo(MatchStatus.CANCELLED, "MATCH_CANCELLED", actor, why, clock);
		registerEvent(new MatchCancelled(this.id, this.requestReference, this.offerReference,
				this.requestingParticipant, this.organisationId, shownToProvider(), shownToRequester()));
		return move;
	}

	private void require(MatchStatus expected, MatchStatus target) {
		if (this.status != expected) {
			throw new IllegalTransition("match", this.status.name(), target.name());
		}
	}

	private static String requireText(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A reason is required");
		}
		return text.strip();
	}

	private void moveTo(MatchStatus target, String action, String actor, String reason, Clock clock) {
		MatchStatus before = this.status;
		this.status = target;
		this.statusChangedAt = clock.instant();
		this.timeline.add(new MatchStatusChange(this, this.statusChangedAt, actor, before, target, reason));
		registerEvent(new DecisionMade(this.statusChangedAt, actor, SUBJECT, label(), action, before.name(),
				target.name(), reason));
	}

	/** How the decision log names it: the request and the offer it pairs. */
	String label() {
		return this.requestReference + " ↔ " + this.offerReference;
	}

	// --- reading -------------------------------------------------------------------------------

	/** The provider sees it once a coordinator approved it. */
	boolean shownToProvider() {
		return this.approvedAt != null;
	}

	/** The requester sees it once the provider accepted it. */
	boolean shownToRequester() {
		return this.acceptedAt != null;
	}

	public Long getId() {
		return this.id;
	}

	public long getRequestId() {
		return this.requestId;
	}

	public String getRequestReference() {
		return this.requestReference;
	}

	public String getRequestingParticipant() {
		return this.requestingParticipant;
	}

	public long getOfferId() {
		return this.offerId;
	}

	public String getOfferReference() {
		return this.offerReference;
	}

	public long getOrganisationId() {
		return this.organisationId;
	}

	public MatchStatus getStatus() {
		return this.status;
	}

	public MatchOrigin getOrigin() {
		return this.origin;
	}

	public int getScore() {
		return this.score;
	}

	public List<String> getExcludedBecause() {
		return List.copyOf(this.excludedBecause);
	}

	public String getOverrideReason() {
		return this.overrideReason;
	}

	public Engagement getEngagement() {
		return this.engagement;
	}

	public String getProposedBy() {
		return this.proposedBy;
	}

	public Instant getProposedAt() {
		return this.proposedAt;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public Instant getAcceptedAt() {
		return this.acceptedAt;
	}

	public Instant getStatusChangedAt() {
		return this.statusChangedAt;
	}

	public List<Assessment.ScoredPart> getParts() {
		return this.parts.stream().map(MatchPart::scored).toList();
	}

	public List<MatchStatusChange> getTimeline() {
		return List.copyOf(this.timeline);
	}

	public Long getVersion() {
		return this.version;
	}
}
