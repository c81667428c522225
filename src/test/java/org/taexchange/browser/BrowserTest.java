package org.taexchange.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.taexchange.support.TestDatabaseConfiguration;
import org.taexchange.support.TestMailServer;

/**
 * The portal on a real port, driven by a real Chromium through Playwright. Chromium starts once
 * per test class; each test gets a fresh browser context (no cookies, no session) in
 * {@link #browser}, and can open more with {@link #openSession()} for other people.
 *
 * <p>
 * The mails the portal sends go to {@link TestMailServer}, which every test context is pointed at.
 *
 * <p>
 * Debian's {@code chromium} package provides the browser. Without it the tests are skipped on a
 * workstation, but fail when {@code CI=true}: a build server must not pass without running them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ExtendWith(BrowserTest.ChromiumInstalled.class)
public abstract class BrowserTest {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	/** The password of every demo account (see {@code AccountSeeding}). */
	protected static final String DEMO_PASSWORD = "kimberley-demo-2026";

	/** The base address the portal puts in its mails when none is configured. */
	static final String MAIL_BASE_URL = "http://localhost:8080";

	private static Playwright playwright;

	private static Browser chromium;

	@LocalServerPort
	private int port;

	private final List<BrowserSession> sessions = new ArrayList<>();

	/** The person this test is mostly about, in a browser context of their own. */
	protected BrowserSession browser;

	@BeforeAll
	static void startChromium() {
		if (!Files.isExecutable(CHROMIUM)) {
			// normally ChromiumInstalled has skipped the class already, unless CI=true
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(missingChromium() + " On CI (CI=true) a missing browser fails the build.");
			}
			Assumptions.abort(missingChromium() + " Skipping the browser tests.");
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		chromium = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
	}

	@AfterAll
	static void stopChromium() {
		if (chromium != null) {
			chromium.close();
			chromium = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@BeforeEach
	void openFirstSession() {
		this.browser = openSession();
	}

	/**
	 * Checks the last page of every session (if the test did not), then closes them all, even when
	 * a check fails.
	 */
	@AfterEach
	void closeSessions() {
		AssertionError failure = null;
		for (BrowserSession session : this.sessions) {
			try {
				session.finish();
			}
			catch (AssertionError ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
			finally {
				session.close();
			}
		}
		this.sessions.clear();
		if (failure != null) {
			throw failure;
		}
	}

	/** Another person at another browser, e.g. the coordinator who approves. */
	protected BrowserSession openSession() {
		BrowserSession session = new BrowserSession(chromium, baseUrl());
		this.sessions.add(session);
		return session;
	}

	protected BrowserSession signedIn(String email, String password) {
		BrowserSession session = openSession();
		session.signIn(email, password);
		return session;
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** An address no other test (and no earlier run on the same database) uses. */
	protected static String uniqueEmail(String who) {
		return "browser-" + who + "-" + System.nanoTime() + "@example.org";
	}

	/**
	 * The link of the verification mail sent to an address, pointed at the portal under test
	 * rather than the configured public address.
	 */
	protected String verificationLinkFor(String email) {
		Message mail = TestMailServer.awaitMail(email, 1);
		String link = TestMailServer.linkIn(mail, "/verify");
		Assertions.assertTrue(link.startsWith(MAIL_BASE_URL + "/verify?token="),
				() -> "Unexpected verification link " + link);
		return baseUrl() + link.substring(MAIL_BASE_URL.length());
	}

	static String missingChromium() {
		return "The browser tests need Chromium at " + CHROMIUM
				+ ": install Debian's chromium package (apt-get install chromium).";
	}

	/**
	 * Skips the browser tests when Chromium is missing, before the application starts, unless
	 * {@code CI=true}. A JUnit condition rather than an assumption in {@code @BeforeAll}: Surefire
	 * reports a class aborted there as "0 tests", hiding the reason, but lists disabled tests as
	 * skipped together with this message.
	 */
	static final class ChromiumInstalled implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(CHROMIUM)) {
				return ConditionEvaluationResult.enabled("Chromium is installed at " + CHROMIUM);
			}
			if ("true".equals(System.getenv("CI"))) {
				return ConditionEvaluationResult.enabled("CI=true: a missing Chromium must fail the tests");
			}
			return ConditionEvaluationResult.disabled(missingChromium() + " Skipping the browser tests.");
		}
	}
}
