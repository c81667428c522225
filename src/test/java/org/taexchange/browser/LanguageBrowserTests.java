package org.taexchange.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The public pages in English and French, and the language switch in the header. */
class LanguageBrowserTests extends BrowserTest {

	@Test
	void homeExplainsTheProgrammeInEnglishAndFrench() {
		this.browser.visit("/");
		assertThat(this.browser.page()).hasTitle("TA Exchange – technical assistance for the Kimberley Process");
		assertThat(documentElement()).hasAttribute("lang", "en");
		assertThat(this.browser.heading("Help for putting the Kimberley Process into practice")).isVisible();
		assertThat(this.browser.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("How it works")))
			.isVisible();
		assertThat(this.browser.link(this.browser.page().getByRole(AriaRole.MAIN), "Request assistance")).isVisible();

		this.browser.visit("/?lang=fr");
		assertThat(documentElement()).hasAttribute("lang", "fr");
		assertThat(this.browser.heading("Un appui pour mettre en œuvre le Processus de Kimberley")).isVisible();
		assertThat(this.browser.link(this.browser.mainNavigation(), "Accueil")).isVisible();
		assertThat(this.browser.link(this.browser.mainNavigation(), "Se connecter")).isVisible();
	}

	@Test
	void theLanguageSwitchKeepsThePersonOnTheSamePageAndTheChoiceSticks() {
		this.browser.visit("/login");
		assertThat(this.browser.heading("Sign in")).isVisible();

		this.browser.followLink(languageLink("Français"));
		assertThat(this.browser.page()).hasURL(Pattern.compile("/login\\?lang=fr$"));
		assertThat(documentElement()).hasAttribute("lang", "fr");
		assertThat(this.browser.heading("Se connecter")).isVisible();
		assertThat(this.browser.field("Adresse électronique")).isVisible();
		assertThat(languageLink("Français")).hasAttribute("aria-current", "true");

		// the next page of the session, without any language in its address
		this.browser.followLink("S'inscrire comme responsable ou comme prestataire");
		assertThat(this.browser.page()).hasURL(Pattern.compile("/register$"));
		assertThat(documentElement()).hasAttribute("lang", "fr");
		assertThat(this.browser.heading("S'inscrire")).isVisible();
	}

	@Test
	void switchingBackToEnglishKeepsTheRestOfTheAddress() {
		this.browser.visit("/register?as=provider&lang=fr");
		assertThat(this.browser.field("proposer une expertise pour mon organisation (prestataire)")).isChecked();

		this.browser.followLink(languageLink("English"));
		assertThat(this.browser.page()).hasURL(Pattern.compile("/register\\?as=provider&lang=en$"));
		assertThat(documentElement()).hasAttribute("lang", "en");
		assertThat(this.browser.heading("Register")).isVisible();
		assertThat(this.browser.field("offer expertise for my organisation (provider)")).isChecked();
	}

	@Test
	void aFrenchSpeakingOfficialSeesThePortalInFrenchAfterSigningIn() {
		this.browser.signIn("official.ci@example.org", DEMO_PASSWORD);
		assertThat(documentElement()).hasAttribute("lang", "fr");
		assertThat(this.browser.heading("Un appui pour mettre en œuvre le Processus de Kimberley")).isVisible();
		assertThat(this.browser.mainNavigation()).containsText("Connecté en tant que Demo Official Côte d'Ivoire (responsable)");
	}

	private Locator languageLink(String language) {
		Locator switcher = this.browser.page()
			.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(Pattern.compile("^(Language|Langue)$")));
		return this.browser.link(switcher, language);
	}

	private Locator documentElement() {
		return this.browser.page().locator("html");
	}
}
