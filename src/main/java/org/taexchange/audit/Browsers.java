package org.taexchange.audit;

import java.util.List;
import java.util.Map;

/**
 * Tells the browser and the operating system from a user agent, for people reading the trail
 * ("Firefox on Windows"). Only the common names; anything else is shown as sent.
 */
final class Browsers {

	/** Browser names by a token of their user agent, most specific first (Edge and Opera also say Chrome). */
	private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("Edg/", "Edge"),
			Map.entry("EdgiOS/", "Edge"), Map.entry("EdgA/", "Edge"), Map.entry("OPR/", "Opera"),
			Map.entry("Firefox/", "Firefox"), Map.entry("FxiOS/", "Firefox"), Map.entry("Chrome/", "Chrome"),
			Map.entry("CriOS/", "Chrome"), Map.entry("Safari/", "Safari"), Map.entry("curl/", "curl"));

	/** Systems by a token of the user agent, most specific first (Android also says Linux, iOS Mac OS X). */
	private static final List<Map.Entry<String, String>> SYSTEMS = List.of(Map.entry("Windows", "Windows"),
			Map.entry("Android", "Android"), Map.entry("iPhone", "iOS"), Map.entry("iPad", "iOS"),
			Map.entry("CrOS", "ChromeOS"), Map.entry("Mac OS X", "macOS"), Map.entry("Linux", "Linux"));

	private Browsers() {
	}

	static String browserOf(String userAgent) {
		return firstMatch(BROWSERS, userAgent);
	}

	static String systemOf(String userAgent) {
		return firstMatch(SYSTEMS, userAgent);
	}

	private static String firstMatch(List<Map.Entry<String, String>> names, String userAgent) {
		if (userAgent == null) {
			return null;
		}
		return names.stream()
			.filter(name -> userAgent.contains(name.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}
}
