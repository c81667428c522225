package org.taexchange.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Each demo role signs in and finds the links of its own work, and only those. */
class NavigationByRoleBrowserTests extends BrowserTest {

	@Test
	void officialsAndProvidersSeeNoAdminArea() {
		for (String email : new String[] { "official.sl@example.org", "provider@example.org" }) {
			BrowserSession person = signedIn(email, DEMO_PASSWORD);
			Locator navigation = person.mainNavigation();
			assertThat(person.link(navigation, "Home")).isVisible();
			assertThat(person.link(navigation, "Admin area")).hasCount(0);
			assertThat(person.link(navigation, "Accounts to approve")).hasCount(0);
			assertThat(person.link(navigation, "Decision log")).hasCount(0);
			assertThat(person.link(navigation, "Participants")).hasCount(0);
			assertThat(person.link(navigation, "Organisations")).hasCount(0);
			assertThat(person.link(navigation, "Sign in")).hasCount(0);
			assertThat(person.button("Sign out")).isVisible();
			assertThat(Newcomer.awaitingApprovalNotice(person)).hasCount(0);
			boolean official = email.startsWith("official");
			assertThat(person.link(navigation, "My requests")).hasCount(official ? 1 : 0);
			assertThat(person.link(navigation, "Request assistance")).hasCount(official ? 1 : 0);
			assertThat(person.link(navigation, "Offers")).hasCount(official ? 1 : 0);
			assertThat(person.link(navigation, "My offers")).hasCount(official ? 0 : 1);
			assertThat(person.link(navigation, "Offer expertise")).hasCount(official ? 0 : 1);
		}
	}

	@Test
	void coordinatorsSeeTheAdminPagesButNotTheReferenceData() {
		this.browser.signIn("coordinator@example.org", DEMO_PASSWORD);
		assertThat(this.browser.heading("Admin area")).isVisible();
		Locator navigation = this.browser.mainNavigation();
		assertThat(navigation).containsText("Signed in as Demo Coordinator (coordinator)");
		assertThat(this.browser.link(navigation, "Admin area")).isVisible();
		assertThat(this.browser.link(navigation, "Accounts to approve")).isVisible();
		assertThat(this.browser.link(navigation, "Decision log")).isVisible();
		assertThat(this.browser.link(navigation, "Requests")).isVisible();
		assertThat(this.browser.link(navigation, "Offers to vet")).isVisible();
		assertThat(this.browser.link(navigation, "My requests")).hasCount(0);
		assertThat(this.browser.link(navigation, "Participants")).hasCount(0);
		assertThat(this.browser.link(navigation, "Organisations")).hasCount(0);

		this.browser.followLink(this.browser.link(navigation, "Decision log"));
		assertThat(this.browser.heading("Decision log")).isVisible();
	}

	@Test
	void adminsAlsoSeeParticipantsAndOrganisations() {
		this.browser.signIn("admin@example.org", DEMO_PASSWORD);
		assertThat(this.browser.heading("Admin area")).isVisible();
		Locator navigation = this.browser.mainNavigation();
		assertThat(navigation).containsText("Signed in as Demo Admin (admin)");
		for (String page : new String[] { "Admin area", "Accounts to approve", "Decision log", "Participants",
				"Organisations" }) {
			assertThat(this.browser.link(navigation, page)).isVisible();
		}

		this.browser.followLink(this.browser.link(navigation, "Participants"));
		assertThat(this.browser.heading("Participants")).isVisible();
		this.browser.followLink(this.browser.link(this.browser.mainNavigation(), "Organisations"));
		assertThat(this.browser.heading("Organisations")).isVisible();
	}

	@Test
	void anOfficialWhoOpensTheAdminAreaIsToldTheyCannot() {
		this.browser.signIn("official.sl@example.org", DEMO_PASSWORD);
		Response response = this.browser.visit("/admin");
		assertThat(response.status()).isEqualTo(403);
		assertThat(this.browser.heading("You cannot open this page")).isVisible();
		assertThat(this.browser.link(this.browser.page().getByRole(AriaRole.MAIN), "Go to the home page")).isVisible();
	}
}
