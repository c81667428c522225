package org.taexchange.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.taexchange.matching.MatchExamples;
import org.taexchange.support.EventsSettled;
import org.taexchange.support.WithoutMailServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a machine without SMTP settings, as after {@code ./mvnw spring-boot:run}: a request goes from
 * submission to matching, and the coordinator finds the official's mails of that journey in the dev
 * mailbox, linked from the admin home. An official may not open it.
 */
@WithoutMailServer
class DevMailboxBrowserTests extends BrowserTest {

	@Autowired
	private ApplicationContext context;

	/** The mail of the dev mailbox with that subject. */
	private static Locator mail(BrowserSession session, String subject) {
		Page page = session.page();
		return page.locator("article.mail", new Page.LocatorOptions()
			.setHas(page.getByText(subject, new Page.GetByTextOptions().setExact(true))));
	}

	@Test
	void theCoordinatorReadsInTheDevMailboxTheMailsOfAJourney() {
		MatchExamples examples = new MatchExamples(this.context);
		String request = examples.requests().openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR);
		EventsSettled.await(this.context);

		BrowserSession coordinator = signedIn(MatchExamples.COORDINATOR, DEMO_PASSWORD);
		coordinator.visit("/admin");
		coordinator.followLink("Dev mailbox");
		assertThat(coordinator.heading("Dev mailbox")).isVisible();
		coordinator.field("Only the mails to").fill(MatchExamples.OFFICIAL);
		coordinator.press("Filter");
		assertThat(coordinator.page()).hasURL(Pattern.compile("/admin/mailbox\\?to="));

		Locator received = mail(coordinator, "Request " + request + " received");
		Locator opened = mail(coordinator, "Request " + request + " is open for matching");
		assertThat(received).hasCount(1);
		assertThat(opened).hasCount(1);
		assertThat(opened).containsText("To " + MatchExamples.OFFICIAL);
		assertThat(opened.locator("pre")).containsText("/requests/" + request);
		coordinator.checkAccessibility();

		BrowserSession official = signedIn(MatchExamples.OFFICIAL, DEMO_PASSWORD);
		Response refused = official.visit("/admin/mailbox");
		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void aMailGivenUpIsShownOnTheAdminHomeAndInTheDevMailbox() {
		MatchExamples examples = new MatchExamples(this.context);
		String request = examples.requests().submitted(MatchExamples.OFFICIAL);
		EventsSettled.await(this.context);
		// the SMTP server refused the official's mail for good
		this.context.getBean(JdbcTemplate.class)
			.update("update notification set mail_sent_at = null, mail_next_attempt_at = null, mail_given_up_at = now(),"
					+ " mail_attempts = 1, mail_last_error = '550 5.1.1 No such user' where subject_reference = ?", request);

		BrowserSession coordinator = signedIn(MatchExamples.COORDINATOR, DEMO_PASSWORD);
		coordinator.visit("/admin");
		assertThat(coordinator.page().locator("main .notice")).containsText("could not be delivered after repeated attempts");
		coordinator.followLink("See these mails in the dev mailbox");
		coordinator.field("Only the mails to").fill(MatchExamples.OFFICIAL);
		coordinator.press("Filter");
		assertThat(mail(coordinator, "Request " + request + " received"))
			.containsText("Not delivered: given up after 1 attempt (550 5.1.1 No such user).");
		coordinator.checkAccessibility();
	}
}
