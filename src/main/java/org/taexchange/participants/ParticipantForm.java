package org.taexchange.participants;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A participant as an admin adds or edits it. Lists are typed as codes separated by spaces or commas. */
class ParticipantForm {

	@NotBlank
	@Pattern(regexp = "[A-Za-z]{2}")
	private String code;

	@Pattern(regexp = "([A-Za-z]{3})?")
	private String alpha3;

	@NotBlank
	@Size(max = 200)
	private String nameEn;

	@NotNull
	private ParticipantType type;

	@NotBlank
	@Size(max = 20)
	private String region;

	@NotBlank
	@Size(max = 60)
	@Pattern(regexp = "[A-Za-z]{2}([ ,]+[A-Za-z]{2})*")
	private String languages;

	@Size(max = 120)
	@Pattern(regexp = "([A-Za-z0-9]{1,16}([ ,]+[A-Za-z0-9]{1,16})*)?")
	private String groups;

	@Size(max = 300)
	@Pattern(regexp = "([A-Za-z]{2}([ ,]+[A-Za-z]{2})*)?")
	private String countries;

	private boolean producer;

	@Size(max = 500)
	private String notes;

	/** For a new participant: the day it was admitted. */
	private LocalDate admittedOn;

	private Long version;

	static ParticipantForm of(Participant participant) {
		ParticipantForm form = new ParticipantForm();
		form.code = participant.getCode();
		form.alpha3 = participant.getAlpha3();
		form.nameEn = participant.getNameEn();
		form.type = participant.getType();
		form.region = participant.getRegion();
		form.languages = String.join(" ", participant.getLanguages());
		form.groups = String.join(" ", participant.getGroups());
		form.countries = String.join(" ", participant.getCountries());
		form.producer = participant.isProducer();
		form.notes = participant.getNotes();
		form.version = participant.getVersion();
		return form;
	}

	ParticipantDetails details() {
		String upperCode = this.code.strip().toUpperCase(Locale.ROOT);
		List<String> countryList = split(this.countries, Locale.ROOT, true);
		if (countryList.isEmpty() && this.type == ParticipantType.STATE) {
			countryList = List.of(upperCode);
		}
		return new ParticipantDetails(upperCode, blankToNull(this.alpha3, true), this.nameEn.strip(), this.type,
				this.region.strip(), split(this.languages, Locale.ROOT, false), split(this.groups, Locale.ROOT, true),
				countryList, this.producer, blankToNull(this.notes, false));
	}

	private static List<String> split(String value, Locale locale, boolean upper) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.strip().split("[ ,]+"))
			.map(s -> upper ? s.toUpperCase(locale) : s.toLowerCase(locale))
			.distinct()
			.toList();
	}

	private static String blankToNull(String value, boolean upper) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return upper ? value.strip().toUpperCase(Locale.ROOT) : value.strip();
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getAlpha3() {
		return this.alpha3;
	}

	public void setAlpha3(String alpha3) {
		this.alpha3 = alpha3;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public ParticipantType getType() {
		return this.type;
	}

	public void setType(ParticipantType type) {
		this.type = type;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getLanguages() {
		return this.languages;
	}

	public void setLanguages(String languages) {
		this.languages = languages;
	}

	public String getGroups() {
		return this.groups;
	}

	public void setGroups(String groups) {
		this.groups = groups;
	}

	public String getCountries() {
		return this.countries;
	}

	public void setCountries(String countries) {
		this.countries = countries;
	}

	public boolean isProducer() {
		return this.producer;
	}

	public void setProducer(boolean producer) {
		this.producer = producer;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public LocalDate getAdmittedOn() {
		return this.admittedOn;
	}

	public void setAdmittedOn(LocalDate admittedOn) {
		this.admittedOn = admittedOn;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
