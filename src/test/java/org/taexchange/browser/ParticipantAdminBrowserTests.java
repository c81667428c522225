package org.taexchange.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An admin keeps the membership history of the participants; every change lands in the decision log. */
class ParticipantAdminBrowserTests extends BrowserTest {

	@Test
	void aStatusChangeRecordedByAnAdminShowsInTheHistoryAndInTheDecisionLog() {
		// readmitted keeps Gabon active, so tests that register officials of Gabon are not affected
		String note = "Confirmed by the plenary, browser test " + System.nanoTime();
		this.browser.signIn("admin@example.org", DEMO_PASSWORD);
		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "Participants"));
		this.browser.followLink("Gabon");
		assertThat(this.browser.heading("Gabon")).isVisible();

		this.browser.field("Status").selectOption(new SelectOption().setLabel("Readmitted"));
		this.browser.field("Note").fill(note);
		this.browser.press("Record the status");

		assertThat(this.browser.page().getByRole(AriaRole.STATUS)).hasText("The status is recorded.");
		assertThat(this.browser.page().getByText("Current status: Readmitted")).isVisible();
		Locator history = this.browser.page()
			.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Membership history"));
		assertThat(history.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(note)))
			.containsText("Readmitted");

		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "Decision log"));
		this.browser.field("Kind").selectOption(new SelectOption().setLabel("Participant"));
		this.browser.field("Concerning").fill("GA");
		this.browser.press("Filter");
		Locator entry = this.browser.page()
			.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHasText(note));
		assertThat(entry).containsText("Participant GA: membership status recorded");
		assertThat(entry).containsText("admin@example.org");
		assertThat(entry).containsText("READMITTED");
	}
}
