package org.taexchange.audit;

import java.util.Arrays;

/** What happened to an account's security, as the security audit trail records it. */
public enum SecurityEventKind {

	SIGNED_IN, SIGN_IN_FAILED, LOCKED_OUT, SIGNED_OUT, PASSWORD_CHANGED, PASSWORD_RESET_REQUESTED, PASSWORD_RESET,
	FACTOR_ENROLLED, FACTOR_USED, FACTOR_REMOVED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, ACCESS_DENIED, SESSIONS_ENDED,
	FACTOR_FAILED, RATE_LIMITED;

	/** The kind of this name, or {@code null} for a blank or unknown name (e.g. a filter left empty). */
	static SecurityEventKind named(String name) {
		if (name == null) {
			return null;
		}
		String wanted = name.strip();
		return Arrays.stream(values()).filter(kind -> kind.name().equals(wanted)).findFirst().orElse(null);
	}
}
