package org.taexchange.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import org.taexchange.matching.MatchExamples;
import org.taexchange.support.EventsSettled;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The bell: an official whose request was opened for matching sees how many notifications are new in
 * the navigation, opens them, finds the request's line with its link, marks them read, and the count is gone.
 */
class NotificationBellBrowserTests extends BrowserTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void theBellShowsWhatIsNewAndClearsOnceMarkedRead() {
		MatchExamples examples = new MatchExamples(this.context);
		String request = examples.requests().openForMatching("official.ci@example.org", MatchExamples.COORDINATOR);
		EventsSettled.await(this.context);

		BrowserSession official = signedIn("official.ci@example.org", DEMO_PASSWORD);
		Locator bell = official.mainNavigation()
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Notifications")));
		assertThat(bell).hasText(Pattern.compile("^Notifications \\(\\d+ nouvelles\\)$"));
		official.navigateBy(bell::click);
		assertThat(official.heading("Notifications")).isVisible();
		Locator line = official.page()
			.getByRole(AriaRole.LINK,
					new com.microsoft.playwright.Page.GetByRoleOptions()
						.setName("La demande " + request + " a été examinée et est ouverte à l’appariement."));
		assertThat(line).isVisible();
		// opening the list changes nothing; the person marks them read
		assertThat(bell).hasText(Pattern.compile("^Notifications \\(\\d+ nouvelles\\)$"));
		official.press("Tout marquer comme lu");
		assertThat(official.page().getByRole(AriaRole.STATUS)).hasText("Vos notifications sont marquées comme lues.");
		assertThat(bell).hasText("Notifications");
		official.navigateBy(line::click);
		assertThat(official.page()).hasURL(Pattern.compile("/requests/" + request + "$"));
		assertThat(bell).hasText("Notifications");
	}
}
