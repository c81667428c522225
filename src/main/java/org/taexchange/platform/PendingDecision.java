package org.taexchange.platform;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A decision (a form sent by POST) that waited for the second factor: its path and its fields,
 * without the CSRF token. After the code, the page that asked for it sends it again on one press.
 */
public record PendingDecision(String path, Map<String, List<String>> fields) implements Serializable {

	public static final String SESSION_ATTRIBUTE = PendingDecision.class.getName();

	public PendingDecision {
		if (path == null || !path.startsWith("/") || path.startsWith("//")) {
			throw new IllegalArgumentException("A pending decision goes to a path of the portal");
		}
		fields = Map.copyOf(fields);
	}
}
