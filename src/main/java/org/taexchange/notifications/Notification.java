package org.taexchange.notifications;

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
 * the notification was made, is sent once by the {@link MailRoom}, retried with a growing pause while
 * the SMTP server fails, and given up after a number of tries.
 */
@Entity
@Table(name = "notification")
class Notification {

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

	private Instant mailGivenUpAt;

	protected Notification() {
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

	public String getMailLastError() {
		return this.mailLastError;
	}

	/** When the portal stopped trying to send the mail; null while it is sent or still tried. */
	public Instant getMailGivenUpAt() {
		return this.mailGivenUpAt;
	}

	public Instant getMailNextAttemptAt() {
		return this.mailNextAttemptAt;
	}
}
