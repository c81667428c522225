package org.taexchange.requests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.taexchange.platform.Forms;

/** Step 4 as typed: languages, timing, urgency, who benefits and funding. */
class PracticalitiesForm {

	@NotEmpty
	@Size(max = 10)
	private List<String> workingLanguages = new ArrayList<>();

	@Size(max = 1000)
	private String interpretationNeeds;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate earliestStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate latestEnd;

	@NotNull
	private Urgency urgency;

	@Min(value = 1, message = "{request.beneficiariesCount.range}")
	@Max(value = 100000, message = "{request.beneficiariesCount.range}")
	private Integer beneficiariesCount;

	@Size(max = 2000)
	private String beneficiariesProfile;

	@NotNull
	private Funding funding;

	static PracticalitiesForm of(AssistanceRequest request) {
		PracticalitiesForm form = new PracticalitiesForm();
		form.workingLanguages = new ArrayList<>(request.getWorkingLanguages());
		form.interpretationNeeds = request.getInterpretationNeeds();
		form.earliestStart = request.getEarliestStart();
		form.latestEnd = request.getLatestEnd();
		form.urgency = request.getUrgency();
		form.beneficiariesCount = request.getBeneficiariesCount();
		form.beneficiariesProfile = request.getBeneficiariesProfile();
		form.funding = request.getFunding();
		return form;
	}

	Practicalities answers() {
		return new Practicalities(this.workingLanguages, Forms.text(this.interpretationNeeds), this.earliestStart,
				this.latestEnd, this.urgency, this.beneficiariesCount, Forms.text(this.beneficiariesProfile),
				this.funding);
	}

	public List<String> getWorkingLanguages() {
		return this.workingLanguages;
	}

	public void setWorkingLanguages(List<String> workingLanguages) {
		this.workingLanguages = workingLanguages == null ? new ArrayList<>() : new ArrayList<>(workingLanguages);
	}

	public String getInterpretationNeeds() {
		return this.interpretationNeeds;
	}

	public void setInterpretationNeeds(String interpretationNeeds) {
		this.interpretationNeeds = interpretationNeeds;
	}

	public LocalDate getEarliestStart() {
		return this.earliestStart;
	}

	public void setEarliestStart(LocalDate earliestStart) {
		this.earliestStart = earliestStart;
	}

	public LocalDate getLatestEnd() {
		return this.latestEnd;
	}

	public void setLatestEnd(LocalDate latestEnd) {
		this.latestEnd = latestEnd;
	}

	public Urgency getUrgency() {
		return this.urgency;
	}

	public void setUrgency(Urgency urgency) {
		this.urgency = urgency;
	}

	public Integer getBeneficiariesCount() {
		return this.beneficiariesCount;
	}

	public void setBeneficiariesCount(Integer beneficiariesCount) {
		this.beneficiariesCount = beneficiariesCount;
	}

	public String getBeneficiariesProfile() {
		return this.beneficiariesProfile;
	}

	public void setBeneficiariesProfile(String beneficiariesProfile) {
		this.beneficiariesProfile = beneficiariesProfile;
	}

	public Funding getFunding() {
		return this.funding;
	}

	public void setFunding(Funding funding) {
		this.funding = funding;
	}
}
