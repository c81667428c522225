package org.taexchange.requests;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One message of the thread between a request's officials and the coordinators. */
@Entity
@Table(name = "request_message")
class RequestMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "request_id")
	private AssistanceRequest request;

	private Instant sentAt;

	private Long authorId;

	private String authorName;

	private boolean fromCoordinator;

	private String body;

	protected RequestMessage() {
	}

	RequestMessage(AssistanceRequest request, Instant sentAt, Author author, String body) {
		this.request = request;
		this.sentAt = sentAt;
		this.authorId = author.id();
		this.authorName = author.name();
		this.fromCoordinator = author.coordinator();
		this.body = body;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public Long getAuthorId() {
		return this.authorId;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public boolean isFromCoordinator() {
		return this.fromCoordinator;
	}

	public String getBody() {
		return this.body;
	}

	/** Who writes or decides: the account, the name shown in the thread, the email kept in the log. */
	record Author(long id, String name, String email, boolean coordinator) {
	}
}
