package org.taexchange.audit;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the security audit trail. Written once, never changed (the database refuses it). Every
 * text is bounded to its column and freed of control characters, whatever the request carried.
 */
@Entity
@Table(name = "security_event")
class SecurityEvent {

	static final int EMAIL_LENGTH = 320;

	static final int IP_LENGTH = 45;

	static final int USER_AGENT_LENGTH = 255;

	static final int PATH_LENGTH = 500;

	static final int DETAIL_LENGTH = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private SecurityEventKind kind;

	private String accountEmail;

	private Long accountId;

	private String ip;

	private String userAgent;

	private String path;

	private String detail;

	protected SecurityEvent() {
	}

	SecurityEvent(Instant occurredAt, SecurityEventKind kind, String accountEmail, Long accountId, String ip,
			String userAgent, String path, String detail) {
		this.occurredAt = occurredAt;
		this.kind = kind;
		this.accountEmail = bounded(accountEmail, EMAIL_LENGTH);
		this.accountId = accountId;
		this.ip = bounded(ip, IP_LENGTH);
		this.userAgent = bounded(userAgent, USER_AGENT_LENGTH);
		this.path = bounded(path, PATH_LENGTH);
		this.detail = bounded(detail, DETAIL_LENGTH);
	}

	/** Trimmed, control characters (line breaks included) made spaces, cut to the length; blank is null. */
	static String bounded(String text, int length) {
		if (text == null) {
			return null;
		}
		String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
		if (clean.isEmpty()) {
			return null;
		}
		return clean.length() <= length ? clean : clean.substring(0, length);
	}

	SecurityEventView view() {
		return new SecurityEventView(this.occurredAt.atOffset(ZoneOffset.UTC), this.kind, this.accountEmail,
				this.accountId, this.ip, this.userAgent, Browsers.browserOf(this.userAgent),
				Browsers.systemOf(this.userAgent), this.path, this.detail);
	}
}
