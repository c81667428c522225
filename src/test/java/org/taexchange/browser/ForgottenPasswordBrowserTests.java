package org.taexchange.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import org.taexchange.support.TestMailServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * "Forgot your password?" from the sign-in page to signing in with the new password, by the labels a
 * person reads, in English and in French; every page is checked with axe on the way.
 */
class ForgottenPasswordBrowserTests extends BrowserTest {

	@Test
	void aPersonWhoForgotThePasswordChoosesANewOneThroughTheMailedLinkAndSignsInWithIt() {
		Newcomer person = Newcomer.fresh("forgot");
		person.registerAsOfficial(this.browser);
		String newPassword = "the river crossing at dawn";

		this.browser.visit("/");
		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "Sign in"));
		this.browser.followLink("Forgot your password?");
		assertThat(this.browser.heading("Forgotten password")).isVisible();
		this.browser.field("Email address").fill(person.email());
		this.browser.press("Send the link");
		assertThat(this.browser.page().getByRole(AriaRole.STATUS))
			.containsText("If an account can use this address, we have sent it a link");

		this.browser.visit(resetLinkFor(person.email()));
		assertThat(this.browser.heading("Choose a new password")).isVisible();
		this.browser.field("New password").fill("password1234");
		this.browser.field("Password again").fill("password1234");
		this.browser.press("Save the password");
		assertThat(this.browser.page().getByRole(AriaRole.ALERT))
			.containsText("This password is among the most commonly used and leaked passwords");
		this.browser.field("New password").fill(newPassword);
		this.browser.field("Password again").fill(newPassword);
		this.browser.press("Save the password");
		assertThat(this.browser.page().getByRole(AriaRole.STATUS)).hasText("Your password is set. Sign in with it.");

		this.browser.fillSignInForm(person.email(), newPassword);
		this.browser.press("Sign in");
		assertThat(this.browser.mainNavigation()).containsText("Signed in as " + person.fullName());
		Assertions.assertEquals("Your TA Exchange password was changed",
				TestMailServer.subject(TestMailServer.awaitMail(person.email(), 3)));
	}

	@Test
	void theSameJourneyInFrench() {
		Newcomer person = Newcomer.fresh("oubli");
		person.registerAsOfficial(this.browser);
		String newPassword = "la traversée du fleuve à l’aube";

		this.browser.visit("/login");
		this.browser.followLink(languageLink("Français"));
		this.browser.followLink("Mot de passe oublié ?");
		assertThat(this.browser.heading("Mot de passe oublié")).isVisible();
		this.browser.field("Adresse électronique").fill(person.email());
		this.browser.press("Envoyer le lien");
		assertThat(this.browser.page().getByRole(AriaRole.STATUS))
			.containsText("Si un compte peut utiliser cette adresse");

		this.browser.visit(resetLinkFor(person.email()));
		assertThat(this.browser.heading("Choisir un nouveau mot de passe")).isVisible();
		this.browser.field("Nouveau mot de passe").fill(newPassword);
		this.browser.field("Mot de passe, à nouveau").fill(newPassword);
		this.browser.press("Enregistrer le mot de passe");
		assertThat(this.browser.page().getByRole(AriaRole.STATUS))
			.hasText("Votre mot de passe est enregistré. Connectez-vous avec lui.");

		// the link has done its work
		String used = resetLinkFor(person.email());
		this.browser.visit(used);
		assertThat(this.browser.page().getByRole(AriaRole.MAIN)).containsText("Ce lien ne fonctionne pas");

		this.browser.visit("/login");
		this.browser.field("Adresse électronique").fill(person.email());
		this.browser.field("Mot de passe").fill(newPassword);
		this.browser.press("Se connecter");
		// signed in, the pages follow the language of the account (English, chosen at registration)
		assertThat(this.browser.mainNavigation()).containsText(person.fullName());
	}

	/** The link of the reset mail (the second mail, after the verification), pointed at the portal under test. */
	private String resetLinkFor(String email) {
		String link = TestMailServer.linkIn(TestMailServer.awaitMail(email, 2), "/password/reset");
		Assertions.assertTrue(link.startsWith(MAIL_BASE_URL + "/password/reset?token="),
				() -> "Unexpected reset link " + link);
		return baseUrl() + link.substring(MAIL_BASE_URL.length());
	}

	private Locator languageLink(String name) {
		return this.browser.page()
			.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(Pattern.compile("^(Language|Langue)$")))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
	}
}
