package org.taexchange.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.taexchange.support.AuthenticatorCodes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Setting up an authenticator app and signing in with its codes, as a person at a browser does. */
class SecondFactorBrowserTests extends BrowserTest {

	@Test
	void anOfficialTurnsOnTheSecondFactorWithTheKeyShownAndIsThenAskedForACodeAtSignIn() {
		Newcomer official = Newcomer.fresh("second-factor");
		official.registerAsOfficial(this.browser);
		official.confirmEmail(this.browser, verificationLinkFor(official.email()));
		official.signIn(this.browser);

		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "Second factor"));
		assertThat(this.browser.heading("Set up a second factor")).isVisible();
		Locator qrCode = this.browser.page().getByAltText("QR code to scan with your authenticator app");
		assertThat(qrCode).isVisible();
		assertThat((Integer) qrCode.evaluate("image => image.naturalWidth")).isGreaterThan(0);
		// the person who cannot scan types the key into their app
		String secret = this.browser.page().locator("code.secret").innerText().replace(" ", "");
		this.browser.field("Code").fill(AuthenticatorCodes.unusedCode(secret));
		this.browser.press("Turn on the second factor");
		assertThat(this.browser.heading("Your recovery codes")).isVisible();
		assertThat(this.browser.page().getByRole(AriaRole.MAIN).locator("ul.recovery-codes li")).hasCount(10);

		this.browser.signOut();
		this.browser.visit("/login");
		this.browser.fillSignInForm(official.email(), official.password());
		this.browser.press("Sign in");
		assertThat(this.browser.heading("Enter the code from your authenticator app")).isVisible();
		this.browser.field("Code").fill("000000".equals(AuthenticatorCodes.code(secret, AuthenticatorCodes.currentStep()))
				? "111111" : "000000");
		this.browser.press("Continue");
		assertThat(this.browser.page().getByRole(AriaRole.ALERT)).containsText("This code is not right");
		this.browser.enterCode(secret);
		assertThat(this.browser.mainNavigation()).containsText("Signed in as " + official.fullName());
	}

	@Test
	void theDemoCoordinatorReachesTheAdminAreaAfterACodeOfTheDemoSecret() {
		this.browser.visit("/admin");
		this.browser.fillSignInForm("coordinator@example.org", DEMO_PASSWORD);
		this.browser.press("Sign in");
		assertThat(this.browser.heading("Enter the code from your authenticator app")).isVisible();
		this.browser.enterCode(AuthenticatorCodes.DEMO_SECRET);
		assertThat(this.browser.heading("Admin area")).isVisible();
	}
}
