package org.taexchange.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The security audit trail for admins: who signed in or was refused, when, from where, with what browser. */
@Controller
class SecurityEventController {

	static final int PAGE_SIZE = 50;

	/** The end of the period when no day is chosen. */
	private static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

	private final SecurityEventLog log;

	SecurityEventController(SecurityEventLog log) {
		this.log = log;
	}

	/**
	 * The trail, filtered by account address, kind and day (UTC), all optional. A day that is not a
	 * date is shown as an error and the other filters still apply.
	 */
	@GetMapping("/admin/security")
	@Transactional(readOnly = true)
	String list(@RequestParam(name = "account", required = false) String account,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "day", required = false) String day,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		String email = StringUtils.hasText(account) ? account.strip() : null;
		SecurityEventKind chosenKind = SecurityEventKind.named(kind);
		LocalDate chosenDay = null;
		boolean dayInvalid = false;
		if (StringUtils.hasText(day)) {
			try {
				chosenDay = LocalDate.parse(day.strip());
			}
			catch (DateTimeParseException ex) {
				dayInvalid = true;
			}
		}
		Instant from = chosenDay != null ? chosenDay.atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.EPOCH;
		Instant until = chosenDay != null ? chosenDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : FOREVER;
		model.addAttribute("events",
				this.log
					.search(email != null ? email.toLowerCase(Locale.ROOT) : null, chosenKind, from, until,
							PageRequest.of(Math.max(page, 0), PAGE_SIZE))
					.map(SecurityEvent::view));
		model.addAttribute("kinds", SecurityEventKind.values());
		model.addAttribute("account", email);
		model.addAttribute("kind", chosenKind);
		model.addAttribute("day", day != null ? day.strip() : null);
		model.addAttribute("dayInvalid", dayInvalid);
		return "audit/security";
	}
}
