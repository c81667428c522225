package org.taexchange.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An official leaves their ministry: an admin finds the account, disables it with a reason, and the
 * official's open session ends at their next click. The account page works in French too.
 */
class AccountAccessBrowserTests extends BrowserTest {

	@Test
	void anAdminDisablesAnAccountAndThePersonsOpenSessionEndsAtTheirNextClick() {
		Newcomer official = Newcomer.fresh("leaver");
		official.registerAsOfficial(this.browser);
		official.confirmEmail(this.browser, verificationLinkFor(official.email()));

		BrowserSession admin = signedIn("admin@example.org", DEMO_PASSWORD);
		admin.followLink(admin.link(admin.mainNavigation(), "Accounts to approve"));
		admin.followLink(official.fullName());
		admin.press("Approve");
		assertThat(admin.page().getByRole(AriaRole.STATUS)).hasText("The account is approved.");

		official.signIn(this.browser);
		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "My requests"));
		assertThat(this.browser.heading("Requests of Sierra Leone")).isVisible();

		// the admin finds the account among all accounts, whatever its status
		admin.followLink(admin.link(admin.mainNavigation(), "Accounts to approve"));
		admin.field("Find an account").fill(official.email());
		admin.navigateBy(() -> admin.button("Search").click());
		Locator found = admin.page()
			.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Accounts matching “" + official.email() + "”"));
		assertThat(found).containsText("Approved");
		admin.followLink(admin.link(found, official.fullName()));

		// a reason is required; the page says so next to the field
		admin.press("Disable the account");
		assertThat(admin.page().getByRole(AriaRole.ALERT)).containsText("There is a problem");
		admin.field("Reason").fill("Left the National Minerals Agency in November");
		admin.press("Disable the account");
		assertThat(admin.page().getByRole(AriaRole.STATUS)).hasText("The account is disabled and its sessions have ended.");
		assertThat(admin.page().getByRole(AriaRole.MAIN)).containsText("Disabled");
		assertThat(admin.page().getByRole(AriaRole.MAIN)).containsText("Left the National Minerals Agency in November");

		// the official's next click ends their session, with a word on why
		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "My requests"));
		assertThat(this.browser.heading("Sign in")).isVisible();
		assertThat(this.browser.page().getByRole(AriaRole.STATUS)).containsText("Your session has ended");
		this.browser.signIn(official.email(), official.password());
		assertThat(this.browser.page().getByRole(AriaRole.ALERT)).isVisible();

		// the same page in French, then enabled again
		admin.visit(admin.page().url() + "?lang=fr");
		assertThat(admin.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Accès au portail")))
			.isVisible();
		admin.checkAccessibility();
		admin.field("Motif").fill("Revenu au ministère");
		admin.press("Réactiver le compte");
		assertThat(admin.page().getByRole(AriaRole.STATUS)).hasText("Le compte est réactivé.");

		official.signIn(this.browser);
	}
}
