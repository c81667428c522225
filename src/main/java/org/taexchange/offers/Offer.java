package org.taexchange.offers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
import org.taexchange.offers.OfferEvents.OfferCapacityChanged;
import org.taexchange.offers.OfferEvents.OfferChangesAsked;
import org.taexchange.offers.OfferEvents.OfferDeclined;
import org.taexchange.offers.OfferEvents.OfferExhausted;
import org.taexchange.offers.OfferEvents.OfferExpired;
import org.taexchange.offers.OfferEvents.OfferPaused;
import org.taexchange.offers.OfferEvents.OfferPublished;
import org.taexchange.offers.OfferEvents.OfferResumed;
import org.taexchange.offers.OfferEvents.OfferSentBackToVetting;
import org.taexchange.offers.OfferEvents.OfferSubmitted;
import org.taexchange.offers.OfferEvents.OfferWithdrawn;
import org.taexchange.participants.Modality;
import org.taexchange.platform.IllegalTransition;

/**
 * An offer of expertise by an organisation. Written as a draft, submitted, vetted by a coordinator,
 * then published until its capacity is used, its window has passed, or its provider withdraws it
 * (DESIGN §2). Each move checks the current status, goes on the offer's timeline and into the
 * decision log, and is told to other modules.
 */
@Entity
@Table(name = "offer")
class Offer extends AbstractAggregateRoot<Offer> {

	static final String SUBJECT = "OFFER";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String reference;

	@Enumerated(EnumType.STRING)
	private OfferStatus status;

	private Long organisationId;

	private Long ownerId;

	private String title;

	private String description;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> expertiseAreas = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> modalities = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> workingLanguages = new ArrayList<>();

	@Enumerated(EnumType.STRING)
	private Reach reach;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> reachRegions = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> reachParticipants = new ArrayList<>();

	private LocalDate availableFrom;

	private LocalDate availableUntil;

	private Integer capacity;

	private int capacityUsed;

	/** Engagements set aside for matches a coordinator approved and the requester has not yet confirmed. */
	private int capacityHeld;

	@Enumerated(EnumType.STRING)
	private OfferFunding funding;

	private Integer expertsCount;

	private String expertsSeniority;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> expertsLanguages = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> conflictParticipants = new ArrayList<>();

	private String conflictReason;

	/** What the coordinator asked to change, or why they declined; shown to the provider. */
	private String vettingNote;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant submittedAt;

	private Instant statusChangedAt;

	@OneToMany(mappedBy = "offer", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("occurredAt asc, id asc")
	private List<OfferStatusChange> timeline = new ArrayList<>();

	@Version
	private Long version;

	protected Offer() {
	}

	/** A new draft of a provider, for their organisation. */
	static Offer draft(long organisationId, long ownerId, OfferContent content, Clock clock) {
		Offer offer = new Offer();
		offer.organisationId = organisationId;
		offer.ownerId = ownerId;
		offer.status = OfferStatus.DRAFT;
		offer.createdAt = clock.instant();
		offer.statusChangedAt = offer.createdAt;
		offer.write(content, clock);
		return offer;
	}

	// --- the content -----------------------------------------------------------------------------

	/**
	 * The provider changes what the offer says. A live offer whose expertise, languages, reach or
	 * funding change goes back to the coordinators for vetting; other changes (the description, the
	 * window, the capacity) apply at once.
	 */
	void describe(OfferContent content, String actor, Clock clock) {
		if (!this.status.isEditable()) {
			throw new IllegalTransition("offer", this.status.name(), "EDITED");
		}
		if (content.capacity() != null && content.capacity() < this.capacityUsed + this.capacityHeld) {
			throw new IllegalArgumentException("The capacity cannot be below what is already used");
		}
		boolean vettingConcerned = changesWhatVettingChecks(content);
		write(content, clock);
		if (this.status.isLive() && vettingConcerned) {
			moveTo(OfferStatus.SUBMITTED, "SENT_BACK_TO_VETTING", actor, null, clock);
			registerEvent(new OfferSentBackToVetting(this.id, this.reference));
		}
		else if (this.status == OfferStatus.EXHAUSTED && capacityLeft() > 0) {
			moveTo(OfferStatus.PUBLISHED, "CAPACITY_CHANGED", actor, null, clock);
			registerEvent(new OfferCapacityChanged(this.id, this.reference, capacityLeft()));
		}
		else if (this.status == OfferStatus.PUBLISHED && capacityLeft() == 0) {
			moveTo(OfferStatus.EXHAUSTED, "CAPACITY_CHANGED", actor, null, clock);
			registerEvent(new OfferCapacityChanged(this.id, this.reference, 0));
		}
	}

	private boolean changesWhatVettingChecks(OfferContent content) {
		return !Objects.equals(this.expertiseAreas, content.areas())
				|| !Objects.equals(this.workingLanguages, content.workingLanguages())
				|| this.reach != content.reach() || !Objects.equals(this.reachRegions, content.reachRegions())
				|| !Objects.equals(this.reachParticipants, content.reachParticipants())
				|| this.funding != content.funding();
	}

	private void write(OfferContent content, Clock clock) {
		this.title = content.title();
		this.description = content.description();
		this.expertiseAreas = new ArrayList<>(content.areas());
		this.modalities = new ArrayList<>(content.modalities().stream().map(Enum::name).toList());
		this.workingLanguages = new ArrayList<>(content.workingLanguages());
		this.reach = content.reach();
		this.reachRegions = new ArrayList<>(content.reachRegions());
		this.reachParticipants = new ArrayList<>(content.reachParticipants());
		this.availableFrom = content.availableFrom();
		this.availableUntil = content.availableUntil();
		this.capacity = content.capacity();
		this.funding = content.funding();
		this.expertsCount = content.expertsCount();
		this.expertsSeniority = content.expertsSeniority();
		this.expertsLanguages = new ArrayList<>(content.expertsLanguages());
		this.conflictParticipants = new ArrayList<>(content.conflictParticipants());
		this.conflictReason = content.conflictReason();
		this.updatedAt = clock.instant();
	}

	/** What is still missing before the offer can be vetted, as message keys; empty when complete. */
	List<String> missingParts() {
		List<String> missing = new ArrayList<>();
		if (isBlank(this.title) || isBlank(this.description)) {
			missing.add("offer.missing.description");
		}
		if (this.expertiseAreas.isEmpty()) {
			missing.add("offer.missing.areas");
		}
		if (this.modalities.isEmpty()) {
			missing.add("offer.missing.modalities");
		}
		if (this.workingLanguages.isEmpty()) {
			missing.add("offer.missing.languages");
		}
		if (this.reach == null || this.reach == Reach.REGIONS && this.reachRegions.isEmpty()
				|| this.reach == Reach.PARTICIPANTS && this.reachParticipants.isEmpty()) {
			missing.add("offer.missing.reach");
		}
		if (this.capacity == null || this.funding == null) {
			missing.add("offer.missing.capacityAndFunding");
		}
		if (!this.conflictParticipants.isEmpty() && isBlank(this.conflictReason)) {
			missing.add("offer.missing.conflictReason");
		}
		return missing;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	// --- the lifecycle ---------------------------------------------------------------------------

	/** The provider sends the offer for vetting; it gets its reference the first time. */
	void submit(OfferReference reference, String actor, Clock clock) {
		if (this.status != OfferStatus.DRAFT && this.status != OfferStatus.CHANGES_ASKED) {
			throw new IllegalTransition("offer", this.status.name(), "SUBMITTED");
		}
		List<String> missing = missingParts();
		if (!missing.isEmpty()) {
			throw new IncompleteOffer(missing);
		}
		if (this.reference == null) {
			this.reference = reference.value();
			this.submittedAt = clock.instant();
		}
		this.vettingNote = null;
		moveTo(OfferStatus.SUBMITTED, "SUBMITTED", actor, null, clock);
		registerEvent(new OfferSubmitted(this.id, this.reference));
	}

	void publish(String coordinator, Clock clock) {
		require(OfferStatus.SUBMITTED, "PUBLISHED");
		OfferStatus target = capacityLeft() > 0 ? OfferStatus.PUBLISHED : OfferStatus.EXHAUSTED;
		moveTo(target, "PUBLISHED", coordinator, null, clock);
		registerEvent(new OfferPublished(this.id, this.reference));
	}

	void askForChanges(String coordinator, String message, Clock clock) {
		require(OfferStatus.SUBMITTED, "CHANGES_ASKED");
		this.vettingNote = requireText(message);
		moveTo(OfferStatus.CHANGES_ASKED, "CHANGES_ASKED", coordinator, this.vettingNote, clock);
		registerEvent(new OfferChangesAsked(this.id, this.reference, this.statusChangedAt));
	}

	void decline(String coordinator, String reason, Clock clock) {
		require(OfferStatus.SUBMITTED, "DECLINED");
		String why = requireText(reason);
		this.vettingNote = why;
		moveTo(OfferStatus.DECLINED, "DECLINED", coordinator, why, clock);
		registerEvent(new OfferDeclined(this.id, this.reference, why));
	}

	void pause(String provider, Clock clock) {
		require(OfferStatus.PUBLISHED, "PAUSED");
		moveTo(OfferStatus.PAUSED, "PAUSED", provider, null, clock);
		registerEvent(new OfferPaused(this.id, this.reference));
	}

	void resume(String provider, Clock clock) {
		require(OfferStatus.PAUSED, "PUBLISHED");
		moveTo(capacityLeft() > 0 ? OfferStatus.PUBLISHED : OfferStatus.EXHAUSTED, "RESUMED", provider, null, clock);
		registerEvent(new OfferResumed(this.id, this.reference));
	}

	/** The provider ends the offer. A draft nobody else has seen is deleted instead (see OfferWriting). */
	void withdraw(String provider, Clock clock) {
		if (this.status.isFinal() || this.status == OfferStatus.DRAFT) {
			throw new IllegalTransition("offer", this.status.name(), "WITHDRAWN");
		}
		moveTo(OfferStatus.WITHDRAWN, "WITHDRAWN", provider, null, clock);
		registerEvent(new OfferWithdrawn(this.id, this.reference));
	}

	/**
	 * A coordinator approves a match: one engagement is set aside until the requester confirms or a side
	 * declines. Taking the last one exhausts the offer, so nobody is promised what is no longer there.
	 */
	void holdCapacity(String actor, Clock clock) {
		if (this.status != OfferStatus.PUBLISHED || capacityLeft() <= 0) {
			throw new IllegalTransition("offer", this.status.name(), "CAPACITY_HELD");
		}
		this.capacityHeld++;
		capacityChanged(actor, clock);
	}

	/** The requester confirms: the engagement set aside is now used. */
	void useHeldCapacity(Clock clock) {
		if (this.capacityHeld == 0) {
			throw new IllegalTransition("offer", this.status.name(), "CAPACITY_USED");
		}
		this.capacityHeld--;
		this.capacityUsed++;
		this.updatedAt = clock.instant();
	}

	/** A match approved but not yet confirmed ends: its engagement is free again. */
	void releaseHeldCapacity(String actor, Clock clock) {
		if (this.capacityHeld == 0) {
			throw new IllegalTransition("offer", this.status.name(), "CAPACITY_RELEASED");
		}
		this.capacityHeld--;
		capacityChanged(actor, clock);
	}

	/** A confirmed match takes one engagement at once (without being held first). */
	void useCapacity(String actor, Clock clock) {
		if (this.status != OfferStatus.PUBLISHED || capacityLeft() <= 0) {
			throw new IllegalTransition("offer", this.status.name(), "CAPACITY_USED");
		}
		this.capacityUsed++;
		capacityChanged(actor, clock);
	}

	/** A confirmed match is cancelled before it is delivered: its engagement is free again. */
	void releaseCapacity(String actor, Clock clock) {
		if (this.capacityUsed == 0) {
			throw new IllegalTransition("offer", this.status.name(), "CAPACITY_RELEASED");
		}
		this.capacityUsed--;
		capacityChanged(actor, clock);
	}

	/** Exhausted when nothing is left; published again when something is freed. */
	private void capacityChanged(String actor, Clock clock) {
		this.updatedAt = clock.instant();
		registerEvent(new OfferCapacityChanged(this.id, this.reference, capacityLeft()));
		if (this.status == OfferStatus.PUBLISHED && capacityLeft() == 0) {
			moveTo(OfferStatus.EXHAUSTED, "EXHAUSTED", actor, null, clock);
			registerEvent(new OfferExhausted(this.id, this.reference, this.statusChangedAt));
		}
		else if (this.status == OfferStatus.EXHAUSTED && capacityLeft() > 0) {
			moveTo(OfferStatus.PUBLISHED, "CAPACITY_CHANGED", actor, null, clock);
		}
	}

	/** Its organisation was merged into another: the offer now belongs to that one. */
	void organisationMerged(long mergedId, long intoId) {
		if (this.organisationId == mergedId) {
			this.organisationId = intoId;
		}
	}

	/** Whether the availability window has passed on the given day. */
	boolean isPast(LocalDate today) {
		return this.availableUntil != null && this.availableUntil.isBefore(today);
	}

	/** The window has passed: the offer ends by itself. */
	void expire(Clock clock) {
		if (this.status.isFinal() || this.status == OfferStatus.DRAFT || !isPast(today(clock))) {
			throw new IllegalTransition("offer", this.status.name(), "EXPIRED");
		}
		moveTo(OfferStatus.EXPIRED, "EXPIRED", DecisionMade.SYSTEM, null, clock);
		registerEvent(new OfferExpired(this.id, this.reference));
	}

	private void require(OfferStatus expected, String attempted) {
		if (this.status != expected) {
			throw new IllegalTransition("offer", this.status.name(), attempted);
		}
	}

	private static String requireText(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A reason or message is required");
		}
		return text.strip();
	}

	private void moveTo(OfferStatus target, String action, String actor, String reason, Clock clock) {
		OfferStatus before = this.status;
		this.status = target;
		this.statusChangedAt = clock.instant();
		this.updatedAt = this.statusChangedAt;
		this.timeline.add(new OfferStatusChange(this, this.statusChangedAt, actor, before, target, reason));
		registerEvent(new DecisionMade(this.statusChangedAt, actor, SUBJECT, this.reference, action, before.name(),
				target.name(), reason));
	}

	// --- reading ---------------------------------------------------------------------------------

	/** Engagements it can still take. */
	public int capacityLeft() {
		return this.capacity == null ? 0 : this.capacity - this.capacityUsed - this.capacityHeld;
	}

	/** Whether it is available at some time in the given month (an open end counts as available). */
	public boolean availableIn(LocalDate firstOfMonth) {
		LocalDate lastOfMonth = firstOfMonth.plusMonths(1).minusDays(1);
		return (this.availableFrom == null || !this.availableFrom.isAfter(lastOfMonth))
				&& (this.availableUntil == null || !this.availableUntil.isBefore(firstOfMonth));
	}

	public Long getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public OfferStatus getStatus() {
		return this.status;
	}

	public Long getOrganisationId() {
		return this.organisationId;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public String getTitle() {
		return this.title;
	}

	public String getDescription() {
		return this.description;
	}

	public List<String> getExpertiseAreas() {
		return List.copyOf(this.expertiseAreas);
	}

	public List<Modality> getModalities() {
		return this.modalities.stream().map(Modality::valueOf).toList();
	}

	public List<String> getWorkingLanguages() {
		return List.copyOf(this.workingLanguages);
	}

	public Reach getReach() {
		return this.reach;
	}

	public List<String> getReachRegions() {
		return List.copyOf(this.reachRegions);
	}

	public List<String> getReachParticipants() {
		return List.copyOf(this.reachParticipants);
	}

	public LocalDate getAvailableFrom() {
		return this.availableFrom;
	}

	public LocalDate getAvailableUntil() {
		return this.availableUntil;
	}

	public Integer getCapacity() {
		return this.capacity;
	}

	public int getCapacityUsed() {
		return this.capacityUsed;
	}

	public int getCapacityHeld() {
		return this.capacityHeld;
	}

	public OfferFunding getFunding() {
		return this.funding;
	}

	public Integer getExpertsCount() {
		return this.expertsCount;
	}

	public String getExpertsSeniority() {
		return this.expertsSeniority;
	}

	public List<String> getExpertsLanguages() {
		return List.copyOf(this.expertsLanguages);
	}

	public List<String> getConflictParticipants() {
		return List.copyOf(this.conflictParticipants);
	}

	public String getConflictReason() {
		return this.conflictReason;
	}

	public String getVettingNote() {
		return this.vettingNote;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getStatusChangedAt() {
		return this.statusChangedAt;
	}

	public List<OfferStatusChange> getTimeline() {
		return List.copyOf(this.timeline);
	}

	List<OfferStatusChange> getTimelineForReading() {
		return this.timeline;
	}

	public Long getVersion() {
		return this.version;
	}

	/** Today in UTC: the day the window is compared with, by the aggregate and by the expiry job's query. */
	static LocalDate today(Clock clock) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
