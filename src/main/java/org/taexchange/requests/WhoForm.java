package org.taexchange.requests;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.taexchange.platform.Forms;

/**
 * Step 1 as typed: who asks, for which countries, and who to talk to. Kept in the session of a
 * visitor who has not signed in yet, hence serializable.
 */
class WhoForm implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The four countries of the Mano River Union, offered as a quick pick for regional requests. */
	static final List<String> MANO_RIVER_UNION = List.of("CI", "GN", "LR", "SL");

	/** Chosen by a visitor; for a signed-in official it is always their own participant. */
	@Size(max = 2)
	private String requestingParticipant;

	@NotEmpty
	@Size(max = 60)
	private List<String> beneficiaryCountries = new ArrayList<>();

	@NotBlank
	@Size(max = 120)
	private String focalName;

	@Size(max = 120)
	private String focalPosition;

	@NotBlank
	@Size(max = 254)
	@Email
	private String focalEmail;

	@Size(max = 40)
	@Pattern(regexp = "[+0-9 ()./-]*", message = "{Pattern.request.phone}")
	private String focalPhone;

	/** The reference of the catalogue offer the official asks for, if they came from one. */
	@Size(max = 20)
	private String chosenOffer;

	static WhoForm of(AssistanceRequest request) {
		WhoForm form = new WhoForm();
		form.requestingParticipant = request.getRequestingParticipant();
		form.beneficiaryCountries = new ArrayList<>(request.getBeneficiaryCountries());
		form.focalName = request.getFocalName();
		form.focalPosition = request.getFocalPosition();
		form.focalEmail = request.getFocalEmail();
		form.focalPhone = request.getFocalPhone();
		return form;
	}

	WhoIsAsking answers() {
		return new WhoIsAsking(this.requestingParticipant, this.beneficiaryCountries, Forms.text(this.focalName),
				Forms.text(this.focalPosition), Forms.text(this.focalEmail), Forms.text(this.focalPhone));
	}

	void addManoRiverUnion() {
		MANO_RIVER_UNION.stream().filter(code -> !this.beneficiaryCountries.contains(code))
			.forEach(this.beneficiaryCountries::add);
	}

	public String getChosenOffer() {
		return this.chosenOffer;
	}

	public void setChosenOffer(String chosenOffer) {
		this.chosenOffer = chosenOffer;
	}

	public String getRequestingParticipant() {
		return this.requestingParticipant;
	}

	public void setRequestingParticipant(String requestingParticipant) {
		this.requestingParticipant = requestingParticipant;
	}

	public List<String> getBeneficiaryCountries() {
		return this.beneficiaryCountries;
	}

	public void setBeneficiaryCountries(List<String> beneficiaryCountries) {
		this.beneficiaryCountries = beneficiaryCountries == null ? new ArrayList<>()
				: new ArrayList<>(beneficiaryCountries);
	}

	public String getFocalName() {
		return this.focalName;
	}

	public void setFocalName(String focalName) {
		this.focalName = focalName;
	}

	public String getFocalPosition() {
		return this.focalPosition;
	}

	public void setFocalPosition(String focalPosition) {
		this.focalPosition = focalPosition;
	}

	public String getFocalEmail() {
		return this.focalEmail;
	}

	public void setFocalEmail(String focalEmail) {
		this.focalEmail = focalEmail;
	}

	public String getFocalPhone() {
		return this.focalPhone;
	}

	public void setFocalPhone(String focalPhone) {
		this.focalPhone = focalPhone;
	}
}
