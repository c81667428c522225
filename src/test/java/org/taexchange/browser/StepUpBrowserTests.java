package org.taexchange.browser;

import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import org.taexchange.support.AuthenticatorCodes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Step-up at a browser: a coordinator whose last code is older than the step-up period presses
 * "Approve", is asked for a code again (the page in English and in French, both checked with axe),
 * and the approval then goes through with one press on the confirmation page. The period is
 * {@code app.security.second-factor.step-up-after}, 30 minutes in the portal and
 * {@value #STEP_UP_SECONDS} seconds here: the authorization rules compare the code's time with the
 * system clock, which a test cannot move, so this class has a Spring context of its own.
 */
@TestPropertySource(properties = "app.security.second-factor.step-up-after=" + StepUpBrowserTests.STEP_UP_SECONDS + "s")
class StepUpBrowserTests extends BrowserTest {

	static final int STEP_UP_SECONDS = 12;

	@Test
	void aCoordinatorWhoseCodeIsOlderThanTheStepUpPeriodGivesANewOneAndTheApprovalGoesThroughOnOnePress() {
		Newcomer official = Newcomer.fresh("step-up");
		official.registerAsOfficial(this.browser);
		official.confirmEmail(this.browser, verificationLinkFor(official.email()));

		BrowserSession coordinator = signedIn("coordinator@example.org", DEMO_PASSWORD);
		Instant codeGiven = Instant.now();
		coordinator.followLink(coordinator.link(coordinator.mainNavigation(), "Accounts to approve"));
		Locator waiting = coordinator.page()
			.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Email confirmed, waiting for approval"));
		coordinator.followLink(coordinator.link(waiting, official.fullName()));
		// the code given at sign-in grows older than the step-up period
		Instant stale = codeGiven.plus(Duration.ofSeconds(STEP_UP_SECONDS + 1));
		coordinator.page()
			.waitForCondition(() -> Instant.now().isAfter(stale),
					new Page.WaitForConditionOptions().setTimeout((STEP_UP_SECONDS + 30) * 1000.0));

		coordinator.press("Approve");

		assertThat(coordinator.heading("Enter the code from your authenticator app")).isVisible();
		assertThat(coordinator.page().getByRole(AriaRole.MAIN)).containsText("Your decision is kept");
		// the same page in French (the language chosen stays for the session), checked by axe too
		coordinator.visit("/login/code?lang=fr");
		assertThat(coordinator.heading("Saisissez le code de votre application d’authentification")).isVisible();
		assertThat(coordinator.page().getByRole(AriaRole.MAIN)).containsText("Votre décision est conservée");

		coordinator.field("Code de connexion").fill(AuthenticatorCodes.unusedCode(AuthenticatorCodes.DEMO_SECRET));
		coordinator.press("Continuer");
		assertThat(coordinator.heading("Confirmez votre décision")).isVisible();
		coordinator.press("Envoyer ma décision");

		assertThat(coordinator.page().getByRole(AriaRole.STATUS)).hasText("Le compte est approuvé.");
		assertThat(coordinator.link(coordinator.page().getByRole(AriaRole.MAIN), official.fullName())).hasCount(0);

		// the official now may act: signed in, no notice that the account waits for approval
		official.signIn(this.browser);
		assertThat(Newcomer.awaitingApprovalNotice(this.browser)).hasCount(0);
	}
}
