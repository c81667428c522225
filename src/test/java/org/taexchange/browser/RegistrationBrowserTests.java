package org.taexchange.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Registering, confirming the address, and a coordinator's approval, as the people involved see them. */
class RegistrationBrowserTests extends BrowserTest {

	@Test
	void anOfficialWhoRegistersConfirmsTheAddressAndIsApprovedMayThenSubmit() {
		Newcomer official = Newcomer.fresh("official");
		official.registerAsOfficial(this.browser);
		official.confirmEmail(this.browser, verificationLinkFor(official.email()));

		official.signIn(this.browser);
		assertThat(Newcomer.awaitingApprovalNotice(this.browser)).isVisible();

		BrowserSession coordinator = signedIn("coordinator@example.org", DEMO_PASSWORD);
		coordinator.followLink(coordinator.link(coordinator.mainNavigation(), "Accounts to approve"));
		Locator waiting = coordinator.page()
			.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Email confirmed, waiting for approval"));
		coordinator.followLink(coordinator.link(waiting, official.fullName()));
		assertThat(coordinator.heading(official.fullName())).isVisible();
		assertThat(coordinator.page().getByRole(AriaRole.MAIN)).containsText("Sierra Leone");
		coordinator.press("Approve");
		assertThat(coordinator.page().getByRole(AriaRole.STATUS)).hasText("The account is approved.");
		assertThat(coordinator.link(coordinator.page().getByRole(AriaRole.MAIN), official.fullName())).hasCount(0);

		// what may be done is settled at sign-in, so the official signs in again
		this.browser.signOut();
		official.signIn(this.browser);
		assertThat(this.browser.mainNavigation()).containsText("Signed in as " + official.fullName() + " (official)");
		assertThat(Newcomer.awaitingApprovalNotice(this.browser)).hasCount(0);
	}

	@Test
	void approvingAProviderAlsoVetsTheOrganisationTheyNamed() {
		Newcomer provider = Newcomer.fresh("provider");
		String organisation = "Institute of Browser Testing " + provider.fullName().replaceAll("\\D", "");
		provider.registerAsProviderOfNewOrganisation(this.browser, organisation, "Academic");

		BrowserSession admin = signedIn("admin@example.org", DEMO_PASSWORD);
		admin.followLink(admin.link(admin.mainNavigation(), "Organisations"));
		assertThat(statusCell(admin, organisation, "Proposed, to be vetted")).isVisible();

		provider.confirmEmail(this.browser, verificationLinkFor(provider.email()));

		BrowserSession coordinator = signedIn("coordinator@example.org", DEMO_PASSWORD);
		coordinator.followLink(coordinator.link(coordinator.mainNavigation(), "Accounts to approve"));
		coordinator.followLink(provider.fullName());
		assertThat(coordinator.page().getByRole(AriaRole.MAIN)).containsText(organisation);
		assertThat(coordinator.page().getByText("New organisation: approving this account also accepts the organisation."))
			.isVisible();
		coordinator.press("Approve");
		assertThat(coordinator.page().getByRole(AriaRole.STATUS)).hasText("The account is approved.");

		admin.followLink(admin.link(admin.mainNavigation(), "Organisations"));
		assertThat(statusCell(admin, organisation, "Vetted")).isVisible();
	}

	@Test
	void theFormListsEveryMistakeAndKeepsWhatWasTyped() {
		Newcomer hasty = Newcomer.fresh("hasty");
		this.browser.visit("/");
		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "Register"));
		this.browser.field("ask for assistance for my participant (official)").check();
		this.browser.field("Full name").fill(hasty.fullName());
		this.browser.field("Email address").fill(hasty.email());
		this.browser.field("Password").fill("too short");
		this.browser.field("Password again").fill("too short");
		this.browser.press("Register");

		assertThat(this.browser.heading("Register")).isVisible();
		Locator summary = this.browser.page().getByRole(AriaRole.ALERT);
		assertThat(summary.getByRole(AriaRole.HEADING)).hasText("There is a problem");
		assertThat(summary.getByRole(AriaRole.LINK)).hasCount(4);
		assertThat(this.browser.link(summary, "Use at least 12 characters.")).hasCount(1);
		assertThat(this.browser.link(summary, "Choose the participant you work for.")).hasCount(1);
		assertThat(this.browser.link(summary, "This field is required.")).hasCount(2);

		assertShowsError("Password", "Use at least 12 characters.");
		assertShowsError("Position", "This field is required.");
		assertShowsError("KP participant", "Choose the participant you work for.");
		assertShowsError("Authority or ministry", "This field is required.");

		assertThat(this.browser.field("ask for assistance for my participant (official)")).isChecked();
		assertThat(this.browser.field("Full name")).hasValue(hasty.fullName());
		assertThat(this.browser.field("Email address")).hasValue(hasty.email());
		// passwords are never sent back to the browser
		assertThat(this.browser.field("Password")).isEmpty();
		assertThat(this.browser.field("Password again")).isEmpty();
	}

	/** The field is marked invalid and its message is read out with it. */
	private void assertShowsError(String label, String message) {
		Locator field = this.browser.field(label);
		assertThat(field).hasAttribute("aria-invalid", "true");
		// Playwright hands the pattern to JavaScript, which does not understand \Q...\E quoting
		String literal = message.replaceAll("[.?*+^$()\\[\\]{}|\\\\]", "\\\\$0");
		assertThat(field).hasAccessibleDescription(Pattern.compile(literal));
	}

	private static Locator statusCell(BrowserSession admin, String organisation, String status) {
		Locator name = admin.page()
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(organisation).setExact(true));
		Locator row = admin.page().getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(name));
		return row.getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName(status).setExact(true));
	}
}
