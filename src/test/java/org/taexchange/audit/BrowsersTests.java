package org.taexchange.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser and system names told from user agents, and texts bounded before they are recorded. */
class BrowsersTests {

	private static final String EDGE_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

	private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
			+ "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

	private static final String CHROME_ON_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

	@Test
	void tellsTheBrowserBeforeTheOnesItsUserAgentAlsoNames() {
		assertThat(Browsers.browserOf(EDGE_ON_WINDOWS)).isEqualTo("Edge");
		assertThat(Browsers.systemOf(EDGE_ON_WINDOWS)).isEqualTo("Windows");
		assertThat(Browsers.browserOf(SAFARI_ON_IPHONE)).isEqualTo("Safari");
		assertThat(Browsers.systemOf(SAFARI_ON_IPHONE)).isEqualTo("iOS");
		assertThat(Browsers.browserOf(CHROME_ON_ANDROID)).isEqualTo("Chrome");
		assertThat(Browsers.systemOf(CHROME_ON_ANDROID)).isEqualTo("Android");
	}

	@Test
	void anUnknownUserAgentIsShownAsSentShortened() {
		String tool = "SomeScanner/2.0 " + "x".repeat(100);
		SecurityEventView line = new SecurityEvent(Instant.EPOCH, SecurityEventKind.ACCESS_DENIED, null, null,
				null, tool, null, null)
			.view();
		assertThat(line.browser()).isNull();
		assertThat(line.system()).isNull();
		assertThat(line.shortUserAgent()).hasSize(60).startsWith("SomeScanner/2.0 ").endsWith("…");
	}

	@Test
	void textsAreTrimmedFreedOfControlCharactersAndCutToTheirColumn() {
		assertThat(SecurityEvent.bounded("  a\r\nb\u0000c  ", 10)).isEqualTo("a  b c");
		assertThat(SecurityEvent.bounded("abcdef", 3)).isEqualTo("abc");
		assertThat(SecurityEvent.bounded(" \t ", 3)).isNull();
		assertThat(SecurityEvent.bounded(null, 3)).isNull();
	}
}
