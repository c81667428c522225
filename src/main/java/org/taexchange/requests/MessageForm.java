package org.taexchange.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.taexchange.audit.DecisionMade;

/** A message, question or reason typed on a request's page, with the version of the request shown. */
class MessageForm {

	@NotBlank
	@Size(max = DecisionMade.REASON_LENGTH)
	private String text;

	private Long version;

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
