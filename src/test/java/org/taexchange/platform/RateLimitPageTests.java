package org.taexchange.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import org.taexchange.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page past a limit, as the servlet container renders it (MockMvc stops at the status): on the
 * site's layout, in the person's language, saying in how many minutes to try again. The same
 * application as the browser tests, on a real port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class RateLimitPageTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void thePageSaysInEnglishWhenToTryAgain() throws Exception {
		HttpResponse<String> response = signInPastTheLimit("", "en");

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(780L, 900L));
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("html").attr("lang")).isEqualTo("en");
		assertThat(page.title()).isEqualTo("Too many attempts – TA Exchange");
		assertThat(page.select("main h1").text()).isEqualTo("Too many attempts");
		assertThat(page.select("main").text()).contains("Nothing you sent was kept and no mail was sent.")
			.containsPattern("You can try again in 1[345] minutes\\.");
		assertThat(page.select("header .brand").text()).as("the site's layout").isEqualTo("TA Exchange");
	}

	@Test
	void thePageIsInFrenchWhenTheBrowserAsksForFrench() throws Exception {
		assertFrench(signInPastTheLimit("", "fr"));
	}

	@Test
	void thePageIsInFrenchWhenFrenchIsChosenWithLang() throws Exception {
		assertFrench(signInPastTheLimit("?lang=fr", "en"));
	}

	private static void assertFrench(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(429);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("html").attr("lang")).isEqualTo("fr");
		assertThat(page.select("main h1").text()).isEqualTo("Trop de tentatives");
		assertThat(page.select("main").text()).contains("aucun courriel n’est parti")
			.containsPattern("Vous pourrez réessayer dans 1[345] minutes\\.");
	}

	/** The sign-in form posted for an address whose one attempt per quarter of an hour is used up. */
	private HttpResponse<String> signInPastTheLimit(String query, String language)
			throws IOException, InterruptedException {
		String email = RateLimitsTests.uniqueEmail("page");
		new OtherInstance(this.context, 1, Duration.ofMinutes(15)).take("sign-in-per-address", email, 1);
		HttpResponse<String> form = this.client.send(
				HttpRequest.newBuilder(uri("/login")).header("Accept-Language", language).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String token = Jsoup.parse(form.body()).select("form[action$=/login] input[name=_csrf]").attr("value");
		String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=whatever&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		return this.client.send(HttpRequest.newBuilder(uri("/login" + query))
			.header("Accept", "text/html")
			.header("Accept-Language", language)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}
}
