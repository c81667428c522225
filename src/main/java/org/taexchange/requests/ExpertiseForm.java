package org.taexchange.requests;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.taexchange.participants.Modality;
import org.taexchange.platform.Forms;

/**
 * Step 3 as typed: the primary area, any other areas, and the preferred modalities. The primary
 * area always counts as one of the areas, checked or not.
 */
class ExpertiseForm {

	@NotBlank
	@Size(max = 40)
	private String primaryArea;

	@Size(max = 30)
	private List<String> areas = new ArrayList<>();

	@NotEmpty
	private List<Modality> modalities = new ArrayList<>();

	static ExpertiseForm of(AssistanceRequest request) {
		ExpertiseForm form = new ExpertiseForm();
		form.primaryArea = request.getPrimaryArea();
		form.areas = new ArrayList<>(request.getExpertiseAreas());
		form.modalities = new ArrayList<>(request.getModalities());
		return form;
	}

	ExpertiseWanted answers() {
		List<String> all = new ArrayList<>(this.areas);
		String primary = Forms.text(this.primaryArea);
		if (primary != null && !all.contains(primary)) {
			all.add(0, primary);
		}
		return new ExpertiseWanted(all, primary, this.modalities);
	}

	public String getPrimaryArea() {
		return this.primaryArea;
	}

	public void setPrimaryArea(String primaryArea) {
		this.primaryArea = primaryArea;
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
}
