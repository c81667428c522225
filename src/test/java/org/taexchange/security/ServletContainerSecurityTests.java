package org.taexchange.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import org.taexchange.requests.RequestExamples;
import org.taexchange.support.AuthenticatorCodes;
import org.taexchange.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a real servlet container shows. MockMvc stops at the status code, while the container
 * forwards to the error page, which must render for everyone (also when Spring Security refused the
 * request before any other filter ran) and say no more than it should; and the container decides
 * how the session id travels: only in an HttpOnly, SameSite cookie, never in a URL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class ServletContainerSecurityTests {

	private static final String FORBIDDEN_HEADING = "You cannot open this page";

	private static final String NOT_FOUND_HEADING = "Page not found";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aSignedInRequesterRefusedByTheRulesSeesTheForbiddenPage() throws Exception {
		Browser browser = signedIn(Visitor.REQUESTER);
		for (String path : List.of("/admin", "/admin/accounts", "/admin/participants")) {
			HttpResponse<String> response = browser.get(path);
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(403);
			assertThat(response.body()).as("page of GET %s", path).contains(FORBIDDEN_HEADING);
		}
	}

	@Test
	void aPostWithoutCsrfTokenGetsTheForbiddenPage() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> response = browser.post("/register", Map.of("email", "someone@example.org"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains(FORBIDDEN_HEADING);
	}

	@Test
	void aRequesterGetsTheSameForbiddenPageForAnAccountThatExistsAndOneThatDoesNot() throws Exception {
		Browser browser = signedIn(Visitor.PROVIDER);
		long existing = this.jdbc.queryForObject("select id from account where email = ?", Long.class,
				Visitor.REQUESTER.email());
		HttpResponse<String> known = browser.get("/admin/accounts/" + existing);
		HttpResponse<String> unknown = browser.get("/admin/accounts/987654321");
		assertThat(known.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(403);
		assertThat(known.body()).contains(FORBIDDEN_HEADING).doesNotContain(Visitor.REQUESTER.email());
		assertThat(unknown.body()).contains(FORBIDDEN_HEADING);
	}

	@Test
	void aCoordinatorAskingForAnUnknownAccountSeesTheNotFoundPage() throws Exception {
		Browser browser = signedIn(Visitor.COORDINATOR);
		HttpResponse<String> response = browser.get("/admin/accounts/987654321");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains(NOT_FOUND_HEADING).doesNotContainIgnoringCase("exception");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteAndChangesAtSignIn() throws Exception {
		Browser browser = new Browser();
		browser.get("/login");
		String before = browser.cookie("JSESSIONID");
		assertThat(before).as("session before signing in").isNotNull();
		HttpResponse<String> signIn = browser.signIn(Visitor.REQUESTER.email(), Visitor.DEMO_PASSWORD);
		assertThat(signIn.statusCode()).isEqualTo(302);
		List<String> setCookies = signIn.headers().allValues("Set-Cookie");
		assertThat(setCookies).as("Set-Cookie at sign-in").anySatisfy(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
		assertThat(browser.cookie("JSESSIONID")).as("session after signing in").isNotEqualTo(before);
	}

	@Test
	void theSessionIdNeverAppearsInALink() throws Exception {
		Browser visitor = new Browser();
		HttpResponse<String> firstVisit = visitor.get("/login");
		assertThat(firstVisit.statusCode()).isEqualTo(200);
		assertThat(visitor.cookie("JSESSIONID")).as("the visit has a session").isNotNull();
		assertThat(firstVisit.body()).as("links of the first page of a visit").doesNotContainIgnoringCase("jsessionid");

		// an error page rendered in the request that created the session
		Browser refused = new Browser();
		HttpResponse<String> forbidden = refused.post("/register", Map.of("email", "someone@example.org"));
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(refused.cookie("JSESSIONID")).as("the refused visit has a session").isNotNull();
		assertThat(forbidden.body()).as("links of the error page").doesNotContainIgnoringCase("jsessionid");
	}

	@Test
	void theLanguageLinksOfAPageAskedForWithAnAddressLikeAnotherSitesStayOnThePortal() throws Exception {
		Browser browser = new Browser();
		for (String path : List.of("//elsewhere.example/x", "///elsewhere.example/x", "//elsewhere.example/%2e%2e/x",
				"/%5Celsewhere.example/x", "/%2F%2Felsewhere.example/x")) {
			HttpResponse<String> response = browser.get(path);
			List<String> links = Jsoup.parse(response.body()).select("nav.language-switch a").eachAttr("href");
			if (path.startsWith("//")) {
				// refused by the firewall, shown on the portal's error page with its language switch
				assertThat(links).as("language links of the page of %s (%s)", path, response.statusCode()).hasSize(2);
			}
			for (String link : links) {
				assertThat(link).as("language link of the page of %s", path)
					.startsWith("/")
					.doesNotStartWith("//")
					.doesNotContain("\\")
					.doesNotContainIgnoringCase("elsewhere.example/x?");
				assertThat(URI.create("http://localhost" + link).getHost()).as("host of %s", link)
					.isEqualTo("localhost");
			}
		}
	}

	@Test
	void anUploadCarriesItsCsrfTokenInTheBodyAndIsRefusedWithoutOne() throws Exception {
		long draft = new RequestExamples(this.context).startedDraft(Visitor.REQUESTER.email());
		Browser browser = signedIn(Visitor.REQUESTER);
		String page = "/requests/drafts/" + draft + "/attachments";
		HttpResponse<String> step = browser.get(page);
		assertThat(step.statusCode()).isEqualTo(200);
		Element form = Jsoup.parse(step.body()).selectFirst("form[enctype=multipart/form-data]");
		assertThat(form).isNotNull();
		assertThat(form.attr("action")).as("address of the upload").isEqualTo(page).doesNotContain("_csrf");
		String token = form.select("input[type=hidden][name=_csrf]").attr("value");
		assertThat(token).as("CSRF token in the upload form").isNotBlank();
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> withToken = browser.upload(page, "terms.pdf", pdf, token);
		assertThat(withToken.statusCode()).as("upload with the token in the body").isEqualTo(302);
		assertThat(withToken.headers().firstValue("Location").orElse("")).endsWith(page);
		assertThat(attachmentsOf(draft)).as("files attached").isEqualTo(1);

		HttpResponse<String> withoutToken = browser.upload(page, "terms.pdf", pdf, null);
		assertThat(withoutToken.statusCode()).as("upload without a token").isEqualTo(403);
		assertThat(withoutToken.body()).contains(FORBIDDEN_HEADING);
		HttpResponse<String> wrongToken = browser.upload(page, "terms.pdf", pdf, token + "x");
		assertThat(wrongToken.statusCode()).as("upload with a wrong token").isEqualTo(403);
		assertThat(attachmentsOf(draft)).as("files attached").isEqualTo(1);
	}

	private int attachmentsOf(long draft) {
		return this.jdbc.queryForObject("select count(*) from request_attachment where request_id = ?", Integer.class,
				draft);
	}

	private Browser signedIn(Visitor visitor) throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> response = browser.signIn(visitor.email(), Visitor.DEMO_PASSWORD);
		assertThat(response.statusCode()).as("sign-in of %s", visitor).isEqualTo(302);
		String next = response.headers().firstValue("Location").orElse("");
		assertThat(next).as("sign-in of %s", visitor).doesNotContain("error");
		if (next.endsWith("/login/code")) {
			// staff give the code of their authenticator app after the password
			HttpResponse<String> codePage = browser.get("/login/code");
			String token = Jsoup.parse(codePage.body()).select("form[action$=/login/code] input[name=_csrf]").attr("value");
			HttpResponse<String> code = browser.post("/login/code",
					Map.of("code", AuthenticatorCodes.unusedCode(AuthenticatorCodes.DEMO_SECRET), "_csrf", token));
			assertThat(code.statusCode()).as("code of %s", visitor).isEqualTo(302);
		}
		return browser;
	}

	/** A browser without JavaScript: keeps cookies, does not follow redirects. */
	private final class Browser {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.client.send(HttpRequest.newBuilder(uri(path))
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Sends a file as a browser sends the upload form: multipart, the token (if any) a part of the body. */
		HttpResponse<String> upload(String path, String fileName, byte[] content, String token)
				throws IOException, InterruptedException {
			String boundary = "----upload" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			if (token != null) {
				body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token)
					.getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return this.client.send(HttpRequest.newBuilder(uri(path))
				.header("Accept", "text/html")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Signs in through the form, with the CSRF token the form carries. */
		HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
			HttpResponse<String> form = get("/login");
			assertThat(form.statusCode()).isEqualTo(200);
			String token = Jsoup.parse(form.body()).select("form[action$=/login] input[name=_csrf]").attr("value");
			assertThat(token).as("CSRF token in the sign-in form").isNotBlank();
			return post("/login", Map.of("email", email, "password", password, "_csrf", token));
		}

		String cookie(String name) {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals(name))
				.map(java.net.HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + ServletContainerSecurityTests.this.port + path);
		}
	}
}
