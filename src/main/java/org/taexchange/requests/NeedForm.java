package org.taexchange.requests;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.taexchange.platform.Forms;

/** Step 2 as typed: the problem, what should change, and the evidence behind it. */
class NeedForm {

	@NotBlank
	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 5000)
	private String problemStatement;

	@NotBlank
	@Size(max = 5000)
	private String objectives;

	@NotBlank
	@Size(max = 5000)
	private String expectedOutcomes;

	@Size(max = 5000)
	private String alreadyUnderway;

	/** The KP began in 2003. */
	@Min(value = 2003, message = "{request.evidenceReportYear.range}")
	@Max(value = 2100, message = "{request.evidenceReportYear.range}")
	private Integer evidenceReportYear;

	@Size(max = 2000)
	private String evidenceReviewVisit;

	@Size(max = 2000)
	private String evidenceWdIndicator;

	static NeedForm of(AssistanceRequest request) {
		NeedForm form = new NeedForm();
		form.title = request.getTitle();
		form.problemStatement = request.getProblemStatement();
		form.objectives = request.getObjectives();
		form.expectedOutcomes = request.getExpectedOutcomes();
		form.alreadyUnderway = request.getAlreadyUnderway();
		form.evidenceReportYear = request.getEvidenceReportYear();
		form.evidenceReviewVisit = request.getEvidenceReviewVisit();
		form.evidenceWdIndicator = request.getEvidenceWdIndicator();
		return form;
	}

	TheNeed answers() {
		return new TheNeed(Forms.text(this.title), Forms.text(this.problemStatement), Forms.text(this.objectives),
				Forms.text(this.expectedOutcomes), Forms.text(this.alreadyUnderway), this.evidenceReportYear,
				Forms.text(this.evidenceReviewVisit), Forms.text(this.evidenceWdIndicator));
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getProblemStatement() {
		return this.problemStatement;
	}

	public void setProblemStatement(String problemStatement) {
		this.problemStatement = problemStatement;
	}

	public String getObjectives() {
		return this.objectives;
	}

	public void setObjectives(String objectives) {
		this.objectives = objectives;
	}

	public String getExpectedOutcomes() {
		return this.expectedOutcomes;
	}

	public void setExpectedOutcomes(String expectedOutcomes) {
		this.expectedOutcomes = expectedOutcomes;
	}

	public String getAlreadyUnderway() {
		return this.alreadyUnderway;
	}

	public void setAlreadyUnderway(String alreadyUnderway) {
		this.alreadyUnderway = alreadyUnderway;
	}

	public Integer getEvidenceReportYear() {
		return this.evidenceReportYear;
	}

	public void setEvidenceReportYear(Integer evidenceReportYear) {
		this.evidenceReportYear = evidenceReportYear;
	}

	public String getEvidenceReviewVisit() {
		return this.evidenceReviewVisit;
	}

	public void setEvidenceReviewVisit(String evidenceReviewVisit) {
		this.evidenceReviewVisit = evidenceReviewVisit;
	}

	public String getEvidenceWdIndicator() {
		return this.evidenceWdIndicator;
	}

	public void setEvidenceWdIndicator(String evidenceWdIndicator) {
		this.evidenceWdIndicator = evidenceWdIndicator;
	}
}
