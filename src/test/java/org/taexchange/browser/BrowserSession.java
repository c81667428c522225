package org.taexchange.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import org.taexchange.support.AuthenticatorCodes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One person at one browser: a context of its own (cookies, session) and one tab. Every page this
 * person reaches through {@link #visit}, {@link #followLink}, {@link #press} or {@link #navigateBy}
 * is checked with axe as soon as it has loaded. A page reached some other way is caught: the next
 * check, or the end of the test, reports it.
 */
public final class BrowserSession implements AutoCloseable {

	private final BrowserContext context;

	private final Page page;

	/** Pages that finished loading since the last accessibility check, oldest first. */
	private final List<String> uncheckedLoads = new ArrayList<>();

	private int loads;

	BrowserSession(Browser browser, String baseUrl) {
		this.context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setBaseURL(baseUrl));
		this.context.setDefaultTimeout(30_000);
		this.page = this.context.newPage();
		this.page.onLoad(loaded -> {
			this.loads++;
			this.uncheckedLoads.add(loaded.url());
		});
	}

	/** The tab, for looking at what is shown. Navigate with the methods of this class. */
	public Page page() {
		return this.page;
	}

	/** Opens a path of the portal (or a full address) and checks the page. */
	public Response visit(String pathOrUrl) {
		Response[] response = new Response[1];
		navigateBy(() -> response[0] = this.page.navigate(pathOrUrl));
		return response[0];
	}

	/** Follows the link with exactly this text, wherever it is on the page. */
	public void followLink(String text) {
		followLink(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text).setExact(true)));
	}

	/** Follows a link found by the caller, e.g. one inside the navigation. */
	public void followLink(Locator link) {
		navigateBy(link::click);
	}

	/** Presses the button with exactly this text, which sends a form. */
	public void press(String buttonText) {
		navigateBy(() -> button(buttonText).click());
	}

	public Locator button(String text) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text).setExact(true));
	}

	/** The field whose label is exactly this text. */
	public Locator field(String label) {
		return this.page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	public Locator heading(String text) {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text).setExact(true).setLevel(1));
	}

	/** The main navigation, in English or in French. */
	public Locator mainNavigation() {
		return this.page.getByRole(AriaRole.NAVIGATION,
				new Page.GetByRoleOptions().setName(Pattern.compile("^(Main navigation|Navigation principale)$")));
	}

	public Locator link(Locator within, String text) {
		return within.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text).setExact(true));
	}

	/**
	 * Runs an action that loads a new page (a click, a form sent), waits for that page, then checks
	 * it. Waiting on the page's load event also covers forms that answer on the same address.
	 */
	public void navigateBy(Runnable action) {
		assertEveryPageChecked();
		int before = this.loads;
		action.run();
		this.page.waitForCondition(() -> this.loads > before);
		checkAccessibility();
	}

	/** Checks the page shown now. */
	public void checkAccessibility() {
		assertEveryPageChecked();
		// cleared first: a page that fails is reported once, not again at the end of the test
		this.uncheckedLoads.clear();
		AccessibilityCheck.assertNoSeriousViolations(this.page);
	}

	/**
	 * Signs in through the sign-in page and waits for the page the portal lands on. When the portal
	 * asks for the second factor (the demo staff have one), types a code of the demo secret.
	 */
	public void signIn(String email, String password) {
		visit("/login");
		fillSignInForm(email, password);
		press("Sign in");
		if (this.page.url().endsWith("/login/code")) {
			enterCode(AuthenticatorCodes.DEMO_SECRET);
		}
	}

	/** On the page that asks for the code: types a fresh code of the authenticator app with this secret. */
	public void enterCode(String secret) {
		field("Code").fill(AuthenticatorCodes.unusedCode(secret));
		press("Continue");
	}

	/** Fills the sign-in form on the page shown, without sending it. */
	public void fillSignInForm(String email, String password) {
		field("Email address").fill(email);
		field("Password").fill(password);
	}

	public void signOut() {
		navigateBy(() -> mainNavigation().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out"))
			.click());
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");
	}

	/** At the end of a test: checks the page left on screen if nobody did. */
	void finish() {
		if (!this.uncheckedLoads.isEmpty()) {
			checkAccessibility();
		}
	}

	/**
	 * Only the page on screen can be checked: if more than one page loaded since the last check,
	 * a test navigated without the helpers and a page went unchecked.
	 */
	private void assertEveryPageChecked() {
		if (this.uncheckedLoads.size() > 1) {
			List<String> missed = List.copyOf(this.uncheckedLoads.subList(0, this.uncheckedLoads.size() - 1));
			this.uncheckedLoads.clear();
			throw new AssertionError("Pages were loaded without an accessibility check (navigate with visit, followLink, "
					+ "press or navigateBy): " + missed);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}
}
