package org.taexchange.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Signing in, being locked out after repeated wrong passwords, and signing out. */
class SignInBrowserTests extends BrowserTest {

	@Test
	void fiveWrongPasswordsLockTheAccountAndThenEvenTheRightOneIsRefused() {
		Newcomer person = Newcomer.fresh("locked");
		person.registerAsOfficial(this.browser);
		// the password is right: it works once
		person.signIn(this.browser);
		this.browser.signOut();

		for (int attempt = 1; attempt <= 5; attempt++) {
			attemptSignIn(person.email(), "not the pass phrase " + attempt);
			assertSignInRefused();
		}
		attemptSignIn(person.email(), person.password());
		assertSignInRefused();
		assertThat(this.browser.mainNavigation()).not().containsText("Signed in as");

		BrowserSession coordinator = signedIn("coordinator@example.org", DEMO_PASSWORD);
		coordinator.followLink(coordinator.link(coordinator.mainNavigation(), "Decision log"));
		coordinator.field("Kind").selectOption(new SelectOption().setLabel("Account"));
		coordinator.field("Concerning").fill(person.email());
		coordinator.press("Filter");
		Locator lock = coordinator.page()
			.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHasText("locked after failed sign-ins"));
		assertThat(lock).containsText("Account " + person.email() + ": locked after failed sign-ins");
		assertThat(lock).containsText("system");
	}

	@Test
	void signingOutEndsTheSession() {
		this.browser.signIn("coordinator@example.org", DEMO_PASSWORD);
		assertThat(this.browser.heading("Admin area")).isVisible();

		this.browser.signOut();
		assertThat(this.browser.heading("Help for putting the Kimberley Process into practice")).isVisible();
		assertThat(this.browser.link(this.browser.mainNavigation(), "Sign in")).isVisible();
		assertThat(this.browser.mainNavigation()).not().containsText("Signed in as");

		this.browser.visit("/admin");
		assertThat(this.browser.page()).hasURL(Pattern.compile("/login$"));
		assertThat(this.browser.heading("Sign in")).isVisible();
	}

	private void attemptSignIn(String email, String password) {
		this.browser.visit("/login");
		this.browser.fillSignInForm(email, password);
		this.browser.press("Sign in");
	}

	/** The same message whatever went wrong, so that nobody learns which addresses have accounts. */
	private void assertSignInRefused() {
		assertThat(this.browser.page()).hasURL(Pattern.compile("/login\\?error$"));
		Locator alert = this.browser.page().getByRole(AriaRole.ALERT);
		assertThat(alert.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("We could not sign you in")))
			.isVisible();
		assertThat(alert).containsText("After five wrong passwords in a row an account is locked for 15 minutes.");
	}
}
