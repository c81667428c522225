package org.taexchange.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Passkeys with a real authenticator: Chromium's virtual authenticator (DevTools' WebAuthn domain),
 * which answers the portal's WebAuthn ceremonies as a platform authenticator with a fingerprint would.
 * A coordinator adds a passkey on the page of the second factor, confirms it, and later signs in with
 * their password and the passkey to reach the admin area.
 */
class PasskeyBrowserTests extends BrowserTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCoordinatorAddsAPasskeyAndThenSignsInWithPasswordAndPasskey() {
		String email = newCoordinator("passkey-coordinator", "en");
		withVirtualAuthenticator(this.browser.page());

		this.browser.visit("/admin");
		this.browser.fillSignInForm(email, DEMO_PASSWORD);
		this.browser.press("Sign in");
		// neither factor yet: the page of the second factor offers both
		assertThat(this.browser.heading("Set up a second factor")).isVisible();
		this.browser.field("Name of the passkey").fill("Test laptop");
		this.browser.press("Add a passkey");

		// the new passkey is the factor now: it is asked for, and used
		assertThat(this.browser.heading("Confirm it is you")).isVisible();
		this.browser.press("Use a passkey");
		assertThat(this.browser.page().getByRole(AriaRole.CELL,
				new Page.GetByRoleOptions().setName("Test laptop").setExact(true))).isVisible();
		this.browser.visit("/admin");
		assertThat(this.browser.heading("Admin area")).isVisible();

		this.browser.signOut();
		this.browser.visit("/admin");
		this.browser.fillSignInForm(email, DEMO_PASSWORD);
		this.browser.press("Sign in");
		assertThat(this.browser.heading("Confirm it is you")).isVisible();
		this.browser.press("Use a passkey");
		assertThat(this.browser.heading("Admin area")).isVisible();

		this.browser.visit("/account");
		assertThat(this.browser.page().getByRole(AriaRole.MAIN)).containsText("Second factor added");
		assertThat(this.browser.page().getByRole(AriaRole.MAIN)).containsText("Second factor used");
	}

	@Test
	void thePasskeyPagesReadInFrenchAndPassTheAccessibilityCheck() {
		String email = newCoordinator("passkey-french", "fr");
		withVirtualAuthenticator(this.browser.page());
		this.browser.visit("/login");
		this.browser.fillSignInForm(email, DEMO_PASSWORD);
		this.browser.press("Sign in");
		// the portal speaks the coordinator's language from now on
		assertThat(this.browser.heading("Configurer un second facteur")).isVisible();
		assertThat(this.browser.page().getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Clés d’accès").setExact(true))).isVisible();
		this.browser.page().getByLabel("Nom de la clé d’accès").fill("Téléphone");
		this.browser.press("Ajouter une clé d’accès");
		assertThat(this.browser.heading("Confirmez que c’est bien vous")).isVisible();
		this.browser.press("Utiliser une clé d’accès");
		assertThat(this.browser.page().getByRole(AriaRole.CELL,
				new Page.GetByRoleOptions().setName("Téléphone").setExact(true))).isVisible();
	}

	/** A coordinator with the demo password and no second factor yet; the address. */
	private String newCoordinator(String prefix, String language) {
		String email = prefix + "-" + System.nanoTime() + "@example.org";
		this.jdbc.update("""
				insert into account (email, password_hash, full_name, role, status, email_verified_at, language, created_at)
				select ?, password_hash, 'Passkey Coordinator', 'COORDINATOR', 'APPROVED', now(), ?, now()
				from account where email = 'coordinator@example.org'""", email, language);
		return email;
	}

	/** Chromium's virtual authenticator: a built-in one, with resident keys and a verified user. */
	private static void withVirtualAuthenticator(Page page) {
		CDPSession devTools = page.context().newCDPSession(page);
		devTools.send("WebAuthn.enable");
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject arguments = new JsonObject();
		arguments.add("options", options);
		devTools.send("WebAuthn.addVirtualAuthenticator", arguments);
	}
}
