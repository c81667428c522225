package org.taexchange.notifications;

import java.util.List;

/**
 * What to tell: its kind (a message-key stem), the reference it is about, the page to open, and the
 * arguments of its sentences (the reference first).
 */
record Notice(Kind kind, String reference, String link, List<String> arguments) {

	Notice {
		arguments = List.copyOf(arguments);
	}

	/** Every notification the portal sends; {@code notice.<KIND>.*} holds its subject, text and next step. */
	enum Kind {
		ACCOUNT_APPROVED, REQUEST_SUBMITTED, REQUEST_INFORMATION_ASKED, REQUEST_OPENED_FOR_MATCHING, REQUEST_REJECTED,
		REQUEST_WITHDRAWN, OFFER_PUBLISHED, OFFER_CHANGES_ASKED, OFFER_DECLINED, OFFER_EXHAUSTED, OFFER_EXPIRING,
		MATCH_APPROVED, MATCH_ACCEPTED, MATCH_CONFIRMED, MATCH_DECLINED, MATCH_CANCELLED, REMINDER_TRIAGE,
		REMINDER_VETTING, REMINDER_COORDINATOR, REMINDER_PROVIDER, REMINDER_REQUESTER, DIGEST
	}
}
