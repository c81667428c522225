package org.taexchange.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A code from the authenticator app (six digits) or one of the recovery codes. */
class CodeForm {

	@NotBlank
	@Size(max = 40)
	private String code;

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}
}
