package org.taexchange.audit;

import java.time.OffsetDateTime;

/**
 * One line of the security audit trail as pages show it.
 *
 * @param at when it happened, in UTC
 * @param kind what happened
 * @param accountEmail the account's address (on a failed sign-in: as typed), or {@code null}
 * @param accountId the account's id when it was known, or {@code null}
 * @param ip the address the request came from, or {@code null} outside a request
 * @param userAgent the browser's user agent as sent (bounded), or {@code null}
 * @param browser the browser's name when it could be told, e.g. {@code Firefox}, or {@code null}
 * @param system the operating system's name when it could be told, e.g. {@code Windows}, or {@code null}
 * @param path the path asked for (never its query), or {@code null}
 * @param detail more about it, e.g. why a sign-in failed, or {@code null}
 */
public record SecurityEventView(OffsetDateTime at, SecurityEventKind kind, String accountEmail, Long accountId,
		String ip, String userAgent, String browser, String system, String path, String detail) {

	/** The user agent shortened for a table cell, when neither browser nor system could be told. */
	public String shortUserAgent() {
		if (this.userAgent == null || this.userAgent.length() <= 60) {
			return this.userAgent;
		}
		return this.userAgent.substring(0, 59) + "…";
	}
}
