package org.taexchange.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Something the portal told one person: what happened, about which request, offer or match, and the
 * page to act on it. Shown under the bell until read; its mail, written in the person's language when
 * the notification was made, is sent once, retried with a growing pause while the SMTP server fails.
 */
@Entity
@Table(name = "notification")
class Notification {

	/** The longest pause between two attempts to send a mail. */
	static final Duration LONGEST_PAUSE = Duration.ofHours(6);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long recipientId;

	private String dedupeKey;

	private String kind;

	private String subjectReference;

	private String link;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> arguments = new ArrayList<>();

	private Instant createdAt;

	private Instant readAt;

	private String mailTo;

	private String mailSubject;

	private String mailBody;

	private String mailHtml;

	private Instant mailSentAt;

	private int mailAttempts;

	private Instant mailNextAttemptAt;

	private String mailLastError;

	protected Notification() {
	}

	void mailSent(Instant now) {
		this.mailSentAt = now;
		this.mailNextAttemptAt = null;
		this.mailLastError = null;
		this.mailAttempts++;
	}

	/** The SMTP server refused or did not answer: try again after 1, 2, 4… minutes, at most six hours. */
	void mailFailed(String error, Instant now) {
		this.mailAttempts++;
		long minutes = Math.min(1L << Math.min(this.mailAttempts - 1, 20), LONGEST_PAUSE.toMinutes());
		this.mailNextAttemptAt = now.plus(Duration.ofMinutes(minutes));
		this.mailLastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
	}

	boolean mailPending() {
		return this.mailSentAt == null;
	}

	public Long getId() {
		return this.id;
	}

	public long getRecipientId() {
		return this.recipientId;
	}

	public String getKind() {
		return this.kind;
	}

	public String getSubjectReference() {
		return this.subjectReference;
	}

	public String getLink() {
		return this.link;
	}

	public List<String> getArguments() {
		return List.copyOf(this.arguments);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getReadAt() {
		return this.readAt;
	}

	public boolean isRead() {
		return this.readAt != null;
	}

	public String getMailTo() {
		return this.mailTo;
	}

	public String getMailSubject() {
		return this.mailSubject;
	}

	public String getMailBody() {
		return this.mailBody;
	}

	public String getMailHtml() {
		return this.mailHtml;
	}

	public Instant getMailSentAt() {
		return this.mailSentAt;
	}

	public int getMailAttempts() {
		return this.mailAttempts;
	}

	public Instant getMailNextAttemptAt() {
		return this.mailNextAttemptAt;
	}
}
