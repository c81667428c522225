package org.taexchange.participants;

import java.time.Clock;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import org.taexchange.audit.DecisionMade;
import org.taexchange.platform.IllegalTransition;

/** An organisation whose staff offer expertise: a government agency, an observer, a donor, … */
@Entity
@Table(name = "organisation")
class Organisation extends AbstractAggregateRoot<Organisation> {

	static final String SUBJECT = "ORGANISATION";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String shortName;

	@Enumerated(EnumType.STRING)
	private OrganisationType type;

	private boolean observer;

	private String participantCode;

	@Enumerated(EnumType.STRING)
	private OrganisationStatus status;

	private Long mergedIntoId;

	private Instant createdAt;

	@Version
	private Long version;

	protected Organisation() {
	}

	/** An organisation added by an admin: vetted at once. */
	static Organisation add(OrganisationDetails details, String actor, Clock clock) {
		Organisation organisation = new Organisation(details, OrganisationStatus.ACTIVE, clock);
		organisation.registerEvent(new DecisionMade(clock.instant(), actor, SUBJECT, details.name(), "CREATED", null,
				OrganisationStatus.ACTIVE.name(), null));
		return organisation;
	}

	/** An organisation named by a person registering as a provider: waits for a coordinator. */
	static Organisation propose(String name, OrganisationType type, String actor, Clock clock) {
		Organisation organisation = new Organisation(new OrganisationDetails(name, null, type, false, null),
				OrganisationStatus.PROPOSED, clock);
		organisation.registerEvent(new DecisionMade(clock.instant(), actor, SUBJECT, name, "PROPOSED", null,
				OrganisationStatus.PROPOSED.name(), null));
		return organisation;
	}

	private Organisation(OrganisationDetails details, OrganisationStatus status, Clock clock) {
		apply(details);
		this.status = status;
		this.createdAt = clock.instant();
	}

	void update(OrganisationDetails details, String actor, Clock clock) {
		apply(details);
		registerEvent(new DecisionMade(clock.instant(), actor, SUBJECT, this.name, "UPDATED", null, null, null));
	}

	/** A coordinator accepts a proposed organisation. Vetting an active one changes nothing. */
	void vet(String actor, Clock clock) {
		if (this.status == OrganisationStatus.ACTIVE) {
			return;
		}
		if (this.status != OrganisationStatus.PROPOSED) {
			throw new IllegalTransition("organisation", this.status.name(), "VETTED");
		}
		moveTo(OrganisationStatus.ACTIVE, "VETTED", actor, null, clock);
	}

	/** A coordinator turns down a proposed organisation. */
	void reject(String actor, String reason, Clock clock) {
		if (this.status != OrganisationStatus.PROPOSED) {
			throw new IllegalTransition("organisation", this.status.name(), "REJECTED");
		}
		moveTo(OrganisationStatus.REJECTED, "REJECTED", actor, reason, clock);
	}

	/**
	 * An admin folds this duplicate into another organisation: its people and offers move there
	 * (the modules that hold them hear {@link OrganisationMerged}), and it stays only as a record.
	 */
	void mergeInto(Organisation target, String actor, Clock clock) {
		if (this.status == OrganisationStatus.MERGED || this.status == OrganisationStatus.REJECTED) {
			throw new IllegalTransition("organisation", this.status.name(), "MERGED");
		}
		if (target.getId().equals(this.id) || target.getStatus() != OrganisationStatus.ACTIVE) {
			throw new IllegalArgumentException("An organisation merges into another vetted one");
		}
		this.mergedIntoId = target.getId();
		moveTo(OrganisationStatus.MERGED, "MERGED", actor, target.getName(), clock);
		registerEvent(new OrganisationMerged(this.id, target.getId()));
	}

	private void moveTo(OrganisationStatus target, String action, String actor, String reason, Clock clock) {
		OrganisationStatus before = this.status;
		this.status = target;
		registerEvent(new DecisionMade(clock.instant(), actor, SUBJECT, this.name, action, before.name(), target.name(),
				reason));
	}

	private void apply(OrganisationDetails details) {
		this.name = details.name();
		this.shortName = details.shortName();
		this.type = details.type();
		this.observer = details.observer();
		this.participantCode = details.participantCode();
	}

	OrganisationDetails details() {
		return new OrganisationDetails(this.name, this.shortName, this.type, this.observer, this.participantCode);
	}

	OrganisationSummary summary() {
		return new OrganisationSummary(this.id, this.name, this.shortName, this.type, this.status, this.participantCode);
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getShortName() {
		return this.shortName;
	}

	public OrganisationType getType() {
		return this.type;
	}

	public boolean isObserver() {
		return this.observer;
	}

	public String getParticipantCode() {
		return this.participantCode;
	}

	public OrganisationStatus getStatus() {
		return this.status;
	}

	public Long getMergedIntoId() {
		return this.mergedIntoId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Long getVersion() {
		return this.version;
	}
}
