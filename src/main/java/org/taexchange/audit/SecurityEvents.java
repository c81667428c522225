package org.taexchange.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security audit trail, for every module: record what happened to an account's security, and read
 * an account's latest events. The address, browser and path come from the HTTP request being served,
 * if any; never its query string, which can carry tokens.
 */
@Service
public class SecurityEvents {

	private final SecurityEventLog log;

	private final Clock clock;

	SecurityEvents(SecurityEventLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Records an event now. Inside a transaction it is part of it (a change and its record go
	 * together); outside one it is written at once.
	 *
	 * @param kind what happened
	 * @param accountEmail the account's address, or the address typed on a failed sign-in; may be null
	 * @param accountId the account's id when known, or null
	 * @param detail more about it (never a secret: no password, code or token), or null
	 */
	@Transactional
	public void record(SecurityEventKind kind, String accountEmail, Long accountId, String detail) {
		HttpServletRequest request = currentRequest();
		this.log.save(new SecurityEvent(this.clock.instant(), kind, accountEmail, accountId,
				request != null ? request.getRemoteAddr() : null, request != null ? request.getHeader("User-Agent") : null,
				request != null ? request.getRequestURI() : null, detail));
	}

	/** The latest events of the account with this address (compared without case), newest first. */
	@Transactional(readOnly = true)
	public List<SecurityEventView> latestOf(String accountEmail, int howMany) {
		return this.log.latestOf(accountEmail.strip().toLowerCase(Locale.ROOT), Limit.of(howMany))
			.stream()
			.map(SecurityEvent::view)
			.toList();
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
	}
}
