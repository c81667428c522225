package org.taexchange.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.taexchange.TaExchangeApplication;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal as it runs in production: the {@code prod} profile, behind a TLS proxy, on a PostgreSQL
 * server of its own (started and stopped here, so that no other test loses its database), with an
 * SMTP server. The session cookie is {@code __Host-} and Secure and HSTS is sent when the proxy says
 * the request came over HTTPS; when the database stops, pages answer 503 within seconds, in the
 * person's language, and the portal is back by itself once the database is.
 */
@TestMethodOrder(OrderAnnotation.class)
class ProductionTests {

	static Path dataDirectory;

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext portal;

	static String base;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startThePortalInProduction() throws IOException {
		dataDirectory = Files.createTempDirectory("ta-exchange-prod-test");
		postgres = database(0);
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				// the test resources switch demo data on for the other tests
				"--app.demo-data=false", "--spring.main.banner-mode=off",
				"--app.security.second-factor-key=a pass phrase of the production test"));
		for (String setting : TestMailServer.settings()) {
			arguments.add("--" + setting);
		}
		portal = new SpringApplicationBuilder(TaExchangeApplication.class).profiles("prod")
			.run(arguments.toArray(String[]::new));
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) portal).getWebServer().getPort();
	}

	private static EmbeddedPostgres database(int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			.start();
	}

	@AfterAll
	static void stop() throws IOException {
		if (portal != null) {
			portal.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	private static HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The 503 page in Chromium (when installed, as for the browser tests): on the layout, with its
	 * style sheet, and without a serious or critical finding of axe.
	 */
	private static void seenInABrowserIsAccessible() {
		Path chromium = Paths.get("/usr/bin/chromium");
		if (!Files.isExecutable(chromium) && !"true".equals(System.getenv("CI"))) {
			return;
		}
		try (Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
				Browser browser = playwright.chromium()
					.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
						.setHeadless(true)
						.setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
			Page page = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR")).newPage();
			Response response = page.navigate(base + "/register");
			assertThat(response.status()).isEqualTo(503);
			assertThat(page.locator("h1").textContent()).isEqualTo("Le portail est momentanément indisponible");
			AxeResults results = new AxeBuilder(page).analyze();
			assertThat(results.isErrored()).isFalse();
			assertThat(results.getViolations()).filteredOn(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
				.extracting(Rule::getId)
				.isEmpty();
		}
	}

	@Test
	@Order(1)
	void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
		HttpResponse<String> secure = get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
		assertThat(secure.statusCode()).isEqualTo(200);
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age=").contains("includeSubDomains"));
		String cookie = secure.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("__Host-SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No __Host-SESSION cookie in " + secure.headers().map()));
		assertThat(cookie).contains("; Secure").contains("; HttpOnly").contains("Path=/").doesNotContainIgnoringCase("Domain=");

		HttpResponse<String> plain = get("/login");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("never over plain HTTP").isEmpty();
	}

	@Test
	@Order(2)
	void noDemoAccountIsMade() {
		assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject(
				"select count(*) from account where email like '%@example.org'", Long.class))
			.isZero();
	}

	@Test
	@Order(3)
	void aDatabaseOutageAnswers503WithinSecondsAndThePortalRecoversByItself() throws Exception {
		assertThat(get("/register").statusCode()).isEqualTo(200);
		int port = postgres.getPort();
		postgres.close();
		postgres = null;

		long started = System.nanoTime();
		HttpResponse<String> french = get("/register", "Accept-Language", "fr");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(french.statusCode()).isEqualTo(503);
		assertThat(french.headers().firstValue("Retry-After")).hasValue("30");
		var page = Jsoup.parse(french.body());
		assertThat(page.select("html").attr("lang")).isEqualTo("fr");
		assertThat(page.select("main h1").text()).isEqualTo("Le portail est momentanément indisponible");
		assertThat(page.select("header, nav").isEmpty()).as("on the layout").isFalse();

		HttpResponse<String> english = get("/register");
		assertThat(english.statusCode()).isEqualTo(503);
		assertThat(Jsoup.parse(english.body()).select("main h1").text()).isEqualTo("The portal is briefly unavailable");

		seenInABrowserIsAccessible();

		postgres = database(port);
		await().atMost(Duration.ofSeconds(30)).until(() -> get("/register").statusCode() == 200);
	}
}
