package org.taexchange.participants;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.springframework.data.domain.AbstractAggregateRoot;

import org.taexchange.audit.DecisionMade;

/**
 * A member of the Kimberley Process. Not the same as a country: the European Union is one
 * participant for 27 countries. Its membership status is kept as dated history.
 */
@Entity
@Table(name = "participant")
class Participant extends AbstractAggregateRoot<Participant> {

	static final String SUBJECT = "PARTICIPANT";

	@Id
	private String code;

	private String alpha3;

	private String nameEn;

	@Enumerated(EnumType.STRING)
	private ParticipantType type;

	private String region;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> languages = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> groups = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> countries = new ArrayList<>();

	private boolean producer;

	private String notes;

	@OneToMany(mappedBy = "participant", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("effectiveDate asc, id asc")
	private List<ParticipantStatusChange> statusHistory = new ArrayList<>();

	private Instant updatedAt;

	@Version
	private Long version;

	protected Participant() {
	}

	/** Registers a new participant, admitted on the given date. */
	static Participant admit(ParticipantDetails details, LocalDate admittedOn, String actor, Clock clock) {
		Participant participant = new Participant();
		participant.code = details.code();
		participant.apply(details);
		participant.updatedAt = clock.instant();
		participant.statusHistory.add(new ParticipantStatusChange(participant, MembershipStatus.ADMITTED, admittedOn,
				null, clock.instant(), actor));
		participant.registerEvent(new DecisionMade(clock.instant(), actor, SUBJECT, participant.code, "CREATED", null,
				MembershipStatus.ADMITTED.name(), null));
		return participant;
	}

	/** Changes the descriptive details; the code never changes. */
	void update(ParticipantDetails details, String actor, Clock clock) {
		if (!this.code.equals(details.code())) {
			throw new IllegalArgumentException("A participant's code cannot change");
		}
		apply(details);
		this.updatedAt = clock.instant();
		registerEvent(new DecisionMade(clock.instant(), actor, SUBJECT, this.code, "UPDATED", null, null, null));
	}

	/** Records a membership status from a date on; the history keeps every earlier status. */
	void changeStatus(MembershipStatus status, LocalDate effectiveDate, String note, String actor, Clock clock) {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(effectiveDate, "effectiveDate");
		String before = currentStatus(LocalDate.now(clock)).map(Enum::name).orElse(null);
		this.statusHistory.add(new ParticipantStatusChange(this, status, effectiveDate, note, clock.instant(), actor));
		this.statusHistory.sort(Comparator.comparing(ParticipantStatusChange::getEffectiveDate));
		this.updatedAt = clock.instant(); // a new history entry changes the aggregate: its version moves on
		registerEvent(new DecisionMade(clock.instant(), actor, SUBJECT, this.code, "STATUS_CHANGED", before,
				status.name() + " " + effectiveDate, note));
	}

	private void apply(ParticipantDetails details) {
		this.alpha3 = details.alpha3();
		this.nameEn = details.nameEn();
		this.type = details.type();
		this.region = details.region();
		this.languages = new ArrayList<>(details.languages());
		this.groups = new ArrayList<>(details.groups());
		this.countries = new ArrayList<>(details.countries());
		this.producer = details.producer();
		this.notes = details.notes();
	}

	/** The status in force on the given day: the latest entry whose effective date has come. */
	Optional<MembershipStatus> currentStatus(LocalDate today) {
		MembershipStatus current = null;
		for (ParticipantStatusChange change : this.statusHistory) {
			if (!change.getEffectiveDate().isAfter(today)) {
				current = change.getStatus();
			}
		}
		return Optional.ofNullable(current);
	}

	ParticipantDetails details() {
		return new ParticipantDetails(this.code, this.alpha3, this.nameEn, this.type, this.region, this.languages,
				this.groups, this.countries, this.producer, this.notes);
	}

	public String getCode() {
		return this.code;
	}

	public String getAlpha3() {
		return this.alpha3;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public ParticipantType getType() {
		return this.type;
	}

	public String getRegion() {
		return this.region;
	}

	public List<String> getLanguages() {
		return List.copyOf(this.languages);
	}

	public List<String> getGroups() {
		return List.copyOf(this.groups);
	}

	public List<String> getCountries() {
		return List.copyOf(this.countries);
	}

	public boolean isProducer() {
		return this.producer;
	}

	public String getNotes() {
		return this.notes;
	}

	public List<ParticipantStatusChange> getStatusHistory() {
		return List.copyOf(this.statusHistory);
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Long getVersion() {
		return this.version;
	}
}
