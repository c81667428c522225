package org.taexchange.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An admin looks up a failed sign-in in the security audit trail, in English and in French. */
class SecurityEventsBrowserTests extends BrowserTest {

	@Test
	void anAdminFindsAFailedSignInByItsAddressWithTheBrowserItCameFrom() {
		String typed = uniqueEmail("nobody");
		BrowserSession stranger = openSession();
		stranger.signIn(typed, "a guess " + System.nanoTime());
		assertThat(stranger.heading("Sign in")).isVisible();

		this.browser.signIn("admin@example.org", DEMO_PASSWORD);
		this.browser.followLink("Security events");
		assertThat(this.browser.heading("Security events")).isVisible();
		this.browser.field("Account (email address)").fill(typed);
		this.browser.field("What happened").selectOption(new SelectOption().setLabel("Sign-in failed"));
		this.browser.press("Filter");

		Locator line = this.browser.page()
			.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHasText(typed));
		assertThat(line).hasCount(1);
		assertThat(line).containsText("Sign-in failed");
		assertThat(line).containsText("Chrome on Linux");
		assertThat(line).containsText("/login");

		this.browser.visit(this.browser.page().url() + "&lang=fr");
		assertThat(this.browser.heading("Événements de sécurité")).isVisible();
		assertThat(this.browser.field("Compte (adresse électronique)")).hasValue(typed);
		assertThat(line).containsText("Connexion échouée");
		assertThat(line).containsText("Chrome sous Linux");
	}
}
