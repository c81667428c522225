package org.taexchange.participants;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of participants and organisations: choice lists, names, and the
 * proposing and vetting of organisations named at registration.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	/** The languages work can be done in, by ISO 639-1 code: the KP's and the UN's working languages. */
	private static final List<String> WORKING_LANGUAGES = List.of("en", "fr", "pt", "es", "ar", "ru", "zh");

	private final Participants participants;

	private final Organisations organisations;

	private final ExpertiseAreas areas;

	private final ParticipantNames names;

	private final Clock clock;

	Directory(Participants participants, Organisations organisations, ExpertiseAreas areas, ParticipantNames names,
			Clock clock) {
		this.participants = participants;
		this.organisations = organisations;
		this.areas = areas;
		this.names = names;
		this.clock = clock;
	}

	/** Participants that currently take part in the scheme, sorted by their name in the reader's language. */
	public List<ParticipantOption> activeParticipants(Locale locale) {
		LocalDate today = LocalDate.now(this.clock);
		Collator collator = Collator.getInstance(locale);
		return this.participants.findAll()
			.stream()
			.filter(p -> p.currentStatus(today).map(MembershipStatus::isActive).orElse(false))
			.map(p -> new ParticipantOption(p.getCode(), this.names.of(p, locale)))
			.sorted(Comparator.comparing(ParticipantOption::name, collator))
			.toList();
	}

	public boolean isActiveParticipant(String code) {
		return code != null && this.participants.findById(code)
			.flatMap(p -> p.currentStatus(LocalDate.now(this.clock)))
			.map(MembershipStatus::isActive)
			.orElse(false);
	}

	/** Every participant's name in the reader's language, by code: one query for a whole page. */
	public Map<String, String> participantNames(Locale locale) {
		Map<String, String> names = new HashMap<>();
		this.participants.findAll().forEach(p -> names.put(p.getCode(), this.names.of(p, locale)));
		return names;
	}

	/** Every organisation, by id: one query for a whole page. */
	public Map<Long, OrganisationSummary> organisationsById() {
		Map<Long, OrganisationSummary> all = new HashMap<>();
		this.organisations.findAll().forEach(o -> all.put(o.getId(), o.summary()));
		return all;
	}

	public Optional<String> participantName(String code, Locale locale) {
		return code == null ? Optional.empty() : this.participants.findById(code).map(p -> this.names.of(p, locale));
	}

	/** Vetted organisations, by name. */
	public List<OrganisationSummary> activeOrganisations() {
		return this.organisations.findByStatusOrderByName(OrganisationStatus.ACTIVE)
			.stream()
			.map(Organisation::summary)
			.toList();
	}

	public Optional<OrganisationSummary> organisation(Long id) {
		return id == null ? Optional.empty() : this.organisations.findById(id).map(Organisation::summary);
	}

	/** Records an organisation named by a person registering; a coordinator vets it with the account. */
	@Transactional
	public long proposeOrganisation(String name, OrganisationType type, String actor) {
		return this.organisations.save(Organisation.propose(name.strip(), type, actor, this.clock)).getId();
	}

	/** Accepts a proposed organisation (nothing happens to one already vetted). */
	@Transactional
	public void vetOrganisation(long id, String actor) {
		Organisation organisation = this.organisations.findById(id).orElseThrow();
		organisation.vet(actor, this.clock);
		this.organisations.save(organisation);
	}

	/** Turns down a proposed organisation; vetted ones stay as they are. */
	@Transactional
	public void rejectProposedOrganisation(long id, String actor, String reason) {
		Organisation organisation = this.organisations.findById(id).orElseThrow();
		if (organisation.getStatus() == OrganisationStatus.PROPOSED) {
			organisation.reject(actor, reason, this.clock);
			this.organisations.save(organisation);
		}
	}

	/** The expertise taxonomy in its order: each group with the areas under it. */
	public List<AreaGroup> expertiseAreaGroups(Locale locale) {
		List<ExpertiseArea> all = this.areas.findAllByOrderByPosition();
		return all.stream()
			.filter(ExpertiseArea::isGroup)
			.map(group -> new AreaGroup(group.getCode(), group.name(locale),
					all.stream()
						.filter(area -> group.getCode().equals(area.getParentCode()))
						.map(area -> new AreaOption(area.getCode(), area.name(locale)))
						.toList()))
			.toList();
	}

	/** The name of every area (groups too) in the reader's language, by code: one query for a whole page. */
	public Map<String, String> expertiseAreaNames(Locale locale) {
		Map<String, String> names = new HashMap<>();
		this.areas.findAll().forEach(area -> names.put(area.getCode(), area.name(locale)));
		return names;
	}

	/** An area one can ask or offer expertise in: a known code below a group. */
	public boolean isExpertiseArea(String code) {
		return code != null && this.areas.findById(code).map(area -> !area.isGroup()).orElse(false);
	}

	/** The working languages, named in the reader's language. */
	public List<LanguageOption> workingLanguages(Locale locale) {
		return WORKING_LANGUAGES.stream().map(code -> new LanguageOption(code, languageName(code, locale))).toList();
	}

	public boolean isWorkingLanguage(String code) {
		return WORKING_LANGUAGES.contains(code);
	}

	/** The name of a language (ISO 639-1 code) in the reader's language, from the JDK's locale data. */
	public static String languageName(String code, Locale locale) {
		String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
		return name.isBlank() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}

	/** Every participant's region (UN continental region), by code: one query. */
	public Map<String, String> participantRegions() {
		Map<String, String> regions = new HashMap<>();
		this.participants.findAll().forEach(p -> regions.put(p.getCode(), p.getRegion()));
		return regions;
	}

	/** The regions participants belong to (UN continental regions), in alphabetical order. */
	public List<String> regions() {
		return this.participants.findAll().stream().map(Participant::getRegion).distinct().sorted().toList();
	}
}
