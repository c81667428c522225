package org.taexchange.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Someone who registers during a test, with an address and a name used by no one else, and the
 * steps of registering through the form as they would take them.
 */
record Newcomer(String fullName, String email, String password) {

	static Newcomer fresh(String who) {
		String email = BrowserTest.uniqueEmail(who);
		String suffix = email.substring(email.lastIndexOf('-') + 1, email.indexOf('@'));
		return new Newcomer("Browser " + who + " " + suffix, email, "a long pass phrase for " + who);
	}

	/** Registers as an official of Sierra Leone, from the Register link in the navigation. */
	void registerAsOfficial(BrowserSession browser) {
		openRegistrationForm(browser);
		browser.field("ask for assistance for my participant (official)").check();
		fillPersonalDetails(browser);
		browser.field("KP participant").selectOption(new SelectOption().setLabel("Sierra Leone"));
		browser.field("Authority or ministry").fill("National Minerals Agency");
		send(browser);
	}

	/** Registers as a provider of an organisation the portal does not know yet. */
	void registerAsProviderOfNewOrganisation(BrowserSession browser, String organisation, String type) {
		openRegistrationForm(browser);
		browser.field("offer expertise for my organisation (provider)").check();
		fillPersonalDetails(browser);
		browser.field("Organisation not listed").fill(organisation);
		browser.field("Type of the organisation not listed").selectOption(new SelectOption().setLabel(type));
		send(browser);
	}

	/** Opens the link of the verification mail and confirms the address. */
	void confirmEmail(BrowserSession browser, String link) {
		browser.visit(link);
		assertThat(browser.heading("Confirm your email address")).isVisible();
		browser.press("Confirm my email address");
		assertThat(browser.page().getByRole(AriaRole.STATUS))
			.hasText("Thank you, your email address is confirmed. A coordinator will now review your registration.");
	}

	void signIn(BrowserSession browser) {
		browser.signIn(this.email, this.password);
		assertThat(browser.mainNavigation()).containsText("Signed in as " + this.fullName);
	}

	/** The notice shown to people who may not submit yet. */
	static Locator awaitingApprovalNotice(BrowserSession browser) {
		return browser.page().getByText("Your account is not yet able to submit");
	}

	private static void openRegistrationForm(BrowserSession browser) {
		browser.visit("/");
		browser.followLink(browser.link(browser.mainNavigation(), "Register"));
		assertThat(browser.heading("Register")).isVisible();
	}

	private void fillPersonalDetails(BrowserSession browser) {
		browser.field("Full name").fill(this.fullName);
		browser.field("Email address").fill(this.email);
		browser.field("Password").fill(this.password);
		browser.field("Password again").fill(this.password);
		browser.field("Position").fill("Head of the statistics unit");
	}

	private static void send(BrowserSession browser) {
		browser.press("Register");
		assertThat(browser.heading("Check your email")).isVisible();
	}
}
