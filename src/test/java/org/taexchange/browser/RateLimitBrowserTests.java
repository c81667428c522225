package org.taexchange.browser;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import org.taexchange.platform.OtherInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Too many sign-ins for one address: the portal stops checking passwords and says, in the person's
 * language, when to try again. The suite's limits are too high to meet, so the address gets a small
 * allowance (three an hour) through {@link OtherInstance}, which uses one of them.
 * Every page is checked with axe as it loads.
 */
class RateLimitBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Test
	void tooManySignInsShowWhenToTryAgainInEnglishAndInFrench() {
		String email = uniqueEmail("throttled");
		new OtherInstance(this.context, 3, Duration.ofHours(1)).take("sign-in-per-address", email, 1);

		attemptSignIn(email, "not the pass phrase 1", "Sign in");
		assertThat(this.browser.page()).hasURL(Pattern.compile("/login\\?error$"));
		attemptSignIn(email, "not the pass phrase 2", "Sign in");
		assertThat(this.browser.page()).hasURL(Pattern.compile("/login\\?error$"));

		attemptSignIn(email, "not the pass phrase 3", "Sign in");
		assertThat(this.browser.heading("Too many attempts")).isVisible();
		assertThat(this.browser.page()).hasTitle("Too many attempts – TA Exchange");
		// one attempt comes back every twenty minutes, less the time the test has taken so far
		assertThat(this.browser.page().locator("main"))
			.containsText(Pattern.compile("You can try again in (1?[0-9] minutes|20 minutes|1 minute)\\."));
		assertThat(this.browser.mainNavigation()).not().containsText("Signed in as");

		this.browser.visit("/login?lang=fr");
		this.browser.field("Adresse électronique").fill(email);
		this.browser.field("Mot de passe").fill("not the pass phrase 4");
		this.browser.press("Se connecter");
		assertThat(this.browser.heading("Trop de tentatives")).isVisible();
		assertThat(this.browser.page().locator("html")).hasAttribute("lang", "fr");
		assertThat(this.browser.page().locator("main"))
			.containsText(Pattern.compile("Vous pourrez réessayer dans (1?[0-9] minutes|20 minutes|1 minute)\\."));
	}

	private void attemptSignIn(String email, String password, String button) {
		this.browser.visit("/login");
		this.browser.fillSignInForm(email, password);
		this.browser.press(button);
	}
}
