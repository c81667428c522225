package org.taexchange.offers;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.taexchange.participants.Modality;
import org.taexchange.platform.Forms;

/**
 * An offer as typed. Kept in the session of a visitor who has not signed in yet, hence
 * serializable. Checks that span fields are made by the controller.
 */
class OfferForm implements Serializable {

	private static final long serialVersionUID = 1L;

	@NotBlank
	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 5000)
	private String description;

	@NotEmpty
	@Size(max = 30)
	private List<String> areas = new ArrayList<>();

	@NotEmpty
	private List<Modality> modalities = new ArrayList<>();

	@NotEmpty
	@Size(max = 10)
	private List<String> workingLanguages = new ArrayList<>();

	@NotNull
	private Reach reach;

	@Size(max = 10)
	private List<String> reachRegions = new ArrayList<>();

	@Size(max = 60)
	private List<String> reachParticipants = new ArrayList<>();

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate availableFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate availableUntil;

	@NotNull
	@Min(value = 1, message = "{offer.capacity.range}")
	@Max(value = 100, message = "{offer.capacity.range}")
	private Integer capacity;

	@NotNull
	private OfferFunding funding;

	@Min(value = 1, message = "{offer.expertsCount.range}")
	@Max(value = 100, message = "{offer.expertsCount.range}")
	private Integer expertsCount;

	@Size(max = 2000)
	private String expertsSeniority;

	@Size(max = 10)
	private List<String> expertsLanguages = new ArrayList<>();

	@Size(max = 60)
	private List<String> conflictParticipants = new ArrayList<>();

	@Size(max = 2000)
	private String conflictReason;

	private Long version;

	/** Identifies one new-offer form, so that sending it twice (a double click, a resend) creates one offer. */
	@Size(max = 40)
	private String formToken;

	static OfferForm of(Offer offer) {
		OfferForm form = new OfferForm();
		form.title = offer.getTitle();
		form.description = offer.getDescription();
		form.areas = new ArrayList<>(offer.getExpertiseAreas());
		form.modalities = new ArrayList<>(offer.getModalities());
		form.workingLanguages = new ArrayList<>(offer.getWorkingLanguages());
		form.reach = offer.getReach();
		form.reachRegions = new ArrayList<>(offer.getReachRegions());
		form.reachParticipants = new ArrayList<>(offer.getReachParticipants());
		form.availableFrom = offer.getAvailableFrom();
		form.availableUntil = offer.getAvailableUntil();
		form.capacity = offer.getCapacity();
		form.funding = offer.getFunding();
		form.expertsCount = offer.getExpertsCount();
		form.expertsSeniority = offer.getExpertsSeniority();
		form.expertsLanguages = new ArrayList<>(offer.getExpertsLanguages());
		form.conflictParticipants = new ArrayList<>(offer.getConflictParticipants());
		form.conflictReason = offer.getConflictReason();
		form.version = offer.getVersion();
		return form;
	}

	/** The content; regions and participants count only for the reach that uses them. */
	OfferContent content() {
		return new OfferContent(Forms.text(this.title), Forms.text(this.description), this.areas, this.modalities,
				this.workingLanguages, this.reach, this.reach == Reach.REGIONS ? this.reachRegions : List.of(),
				this.reach == Reach.PARTICIPANTS ? this.reachParticipants : List.of(), this.availableFrom,
				this.availableUntil, this.capacity, this.funding, this.expertsCount, Forms.text(this.expertsSeniority),
				this.expertsLanguages, this.conflictParticipants, Forms.text(this.conflictReason));
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<String> getAreas() {
		return this.areas;
	}

	public void setAreas(List<String> areas) {
		this.areas = areas == null ? new ArrayList<>() : new ArrayList<>(areas);
	}

	public List<Modality> getModalities() {
		return this.modalities;
	}

	public void setModalities(List<Modality> modalities) {
		this.modalities = modalities == null ? new ArrayList<>() : new ArrayList<>(modalities);
	}

	public List<String> getWorkingLanguages() {
		return this.workingLanguages;
	}

	public void setWorkingLanguages(List<String> workingLanguages) {
		this.workingLanguages = workingLanguages == null ? new ArrayList<>() : new ArrayList<>(workingLanguages);
	}

	public Reach getReach() {
		return this.reach;
	}

	public void setReach(Reach reach) {
		this.reach = reach;
	}

	public List<String> getReachRegions() {
		return this.reachRegions;
	}

	public void setReachRegions(List<String> reachRegions) {
		this.reachRegions = reachRegions == null ? new ArrayList<>() : new ArrayList<>(reachRegions);
	}

	public List<String> getReachParticipants() {
		return this.reachParticipants;
	}

	public void setReachParticipants(List<String> reachParticipants) {
		this.reachParticipants = reachParticipants == null ? new ArrayList<>() : new ArrayList<>(reachParticipants);
	}

	public LocalDate getAvailableFrom() {
		return this.availableFrom;
	}

	public void setAvailableFrom(LocalDate availableFrom) {
		this.availableFrom = availableFrom;
	}

	public LocalDate getAvailableUntil() {
		return this.availableUntil;
	}

	public void setAvailableUntil(LocalDate availableUntil) {
		this.availableUntil = availableUntil;
	}

	public Integer getCapacity() {
		return this.capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public OfferFunding getFunding() {
		return this.funding;
	}

	public void setFunding(OfferFunding funding) {
		this.funding = funding;
	}

	public Integer getExpertsCount() {
		return this.expertsCount;
	}

	public void setExpertsCount(Integer expertsCount) {
		this.expertsCount = expertsCount;
	}

	public String getExpertsSeniority() {
		return this.expertsSeniority;
	}

	public void setExpertsSeniority(String expertsSeniority) {
		this.expertsSeniority = expertsSeniority;
	}

	public List<String> getExpertsLanguages() {
		return this.expertsLanguages;
	}

	public void setExpertsLanguages(List<String> expertsLanguages) {
		this.expertsLanguages = expertsLanguages == null ? new ArrayList<>() : new ArrayList<>(expertsLanguages);
	}

	public List<String> getConflictParticipants() {
		return this.conflictParticipants;
	}

	public void setConflictParticipants(List<String> conflictParticipants) {
		this.conflictParticipants = conflictParticipants == null ? new ArrayList<>()
				: new ArrayList<>(conflictParticipants);
	}

	public String getConflictReason() {
		return this.conflictReason;
	}

	public void setConflictReason(String conflictReason) {
		this.conflictReason = conflictReason;
	}

	public String getFormToken() {
		return this.formToken;
	}

	public void setFormToken(String formToken) {
		this.formToken = formToken;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
