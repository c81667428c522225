package org.taexchange.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.taexchange.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASVS requirements that only the real servlet container answers for: which HTTP methods and
 * message framings it accepts, whether it lists directories, what its session ids look like and
 * which cookies a visit leaves in the browser. Same context as {@link ServletContainerSecurityTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class AsvsServerTests {

	private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.1 (\\d{3})");

	@LocalServerPort
	int port;

	/** V13.4.4: TRACE would echo the request, cookies included, back to a script. */
	@Test
	void traceIsRefusedAndEchoesNothingOfTheRequest() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (String path : List.of("/", "/login", "/css/portal.css", "/no-such-page")) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path))
				.method("TRACE", HttpRequest.BodyPublishers.noBody())
				.header("X-Echo-Canary", "trace-canary-4711")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("TRACE %s", path).isEqualTo(405);
			assertThat(response.body()).as("body of TRACE %s", path).doesNotContain("trace-canary-4711");
			assertThat(response.headers().map().toString()).as("headers of TRACE %s", path)
				.doesNotContain("trace-canary-4711");
		}
	}

	/** V13.4.3: a folder of static files answers "not found", never a list of what it holds. */
	@Test
	void foldersOfStaticFilesAreNotListed() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		assertThat(client.send(HttpRequest.newBuilder(uri("/css/portal.css")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).as("the style sheet itself").isEqualTo(200);
		for (String path : List.of("/css/", "/css", "/static/", "/templates/", "/META-INF/", "/WEB-INF/",
				"/BOOT-INF/")) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 302 && !path.startsWith("/css")) {
				// a path the rules keep for signed-in people: a visitor is sent to sign in first
				assertThat(response.headers().firstValue("Location").orElse("")).as("GET %s", path).endsWith("/login");
				continue;
			}
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(404);
			assertThat(response.body()).as("page of GET %s", path)
				.contains("Page not found")
				.doesNotContain("href=\"portal.css\"", "href=\"/css/portal.css\">portal.css")
				.doesNotContainIgnoringCase("directory listing");
		}
	}

	/**
	 * V4.2.1: a request with two framings (Content-Length and chunked) is how one request hides another
	 * from a proxy in front. The container reads it by its chunks, answers it, and closes the connection
	 * (RFC 9112, 6.3), so what a proxy took for the rest of the body is never run as a request of its own.
	 */
	@Test
	void aRequestFramedBothByLengthAndByChunksGetsOneAnswerAndNothingHiddenInItRuns() throws Exception {
		String hidden = "GET /smuggled-request HTTP/1.1\r\nHost: localhost\r\n\r\n";
		String bothFramings = "POST /login HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden;
		assertThat(exchange(bothFramings)).as("answers to a request with both framings").hasSize(1);

		// the same bytes with the chunked framing alone: two requests on one connection, two answers
		String pipelined = "POST /login HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden;
		assertThat(exchange(pipelined)).as("answers to two pipelined requests").hasSize(2);
	}

	/** V4.2.1: two different lengths for one body leave its end in doubt; refused too. */
	@Test
	void aRequestWithTwoDifferentLengthsIsRefused() throws Exception {
		String request = "POST /login HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nContent-Length: 40\r\n"
				+ "Connection: close\r\n\r\nabcGET /smuggled-request HTTP/1.1\r\nHost: localhost\r\n\r\n";
		assertThat(exchange(request)).as("answers to a request with two lengths").containsExactly(400);
	}

	/** V4.2.1: a transfer coding the container does not know is not guessed at. */
	@Test
	void aRequestWithAnUnknownTransferCodingIsRefused() throws Exception {
		String request = "POST /login HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: xchunked\r\n"
				+ "Connection: close\r\n\r\n0\r\n\r\n";
		assertThat(exchange(request)).as("answers to an unknown transfer coding").hasSize(1)
			.allSatisfy(status -> assertThat(status).isIn(400, 501));
	}

	/** V7.2.3: session ids are long random values, never repeated. */
	@Test
	void sessionIdsCarryAtLeast128RandomBitsAndNeverRepeat() throws Exception {
		Set<String> ids = new HashSet<>();
		for (int visit = 0; visit < 200; visit++) {
			CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
			HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
			client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.discarding());
			String id = cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("JSESSIONID"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElseThrow();
			// hexadecimal: four bits a character, so 32 characters are 128 bits
			assertThat(id).as("session id").matches("[0-9A-F]{32,}");
			ids.add(id);
		}
		assertThat(ids).as("distinct session ids of 200 visits").hasSize(200);
		// each of the 16 hex digits turns up in each position across 200 random ids (a counter or a clock would not)
		for (int position = 0; position < 32; position++) {
			int at = position;
			assertThat(ids.stream().map(id -> id.charAt(at)).collect(Collectors.toSet()))
				.as("digits at position %d", position)
				.hasSizeGreaterThanOrEqualTo(12);
		}
	}

	/**
	 * V14.3.3: a whole visit (pages, sign-in, a language switch, a page of the account) leaves nothing
	 * in the browser but the session cookie, and no page carries a script that could store anything.
	 */
	@Test
	void aVisitLeavesOnlyTheSessionCookieInTheBrowserAndNoScript() throws Exception {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (String path : List.of("/", "/login", "/register", "/password/forgot", "/offers", "/login?lang=fr")) {
			responses.add(client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		String token = Jsoup.parse(responses.get(1).body()).select("form[action$=/login] input[name=_csrf]").attr("value");
		String form = Map.of("email", Visitor.REQUESTER.email(), "password", Visitor.DEMO_PASSWORD, "_csrf", token)
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		responses.add(signIn);
		for (String path : List.of("/", "/account", "/requests/mine", "/notifications")) {
			responses.add(client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString()));
		}

		Set<String> names = new HashSet<>();
		for (HttpResponse<String> response : responses) {
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				names.add(HttpCookie.parse(setCookie).get(0).getName());
			}
			assertThat(Jsoup.parse(response.body()).select("script")).as("scripts on %s", response.uri()).isEmpty();
		}
		assertThat(names).as("cookies set during the visit").containsExactly("JSESSIONID");
		assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).containsExactly("JSESSIONID");
	}

	/** Sends raw bytes on one connection and returns the status of every response read back. */
	private List<Integer> exchange(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try {
				in.transferTo(answer);
			}
			catch (java.net.SocketTimeoutException ex) {
				// what arrived before the server went quiet is the answer
			}
			catch (java.net.SocketException ex) {
				// a reset after the refusal: what arrived before it is the answer
			}
			String text = answer.toString(StandardCharsets.ISO_8859_1);
			List<Integer> statuses = new ArrayList<>();
			Matcher matcher = STATUS_LINE.matcher(text);
			while (matcher.find()) {
				statuses.add(Integer.parseInt(matcher.group(1)));
			}
			return statuses;
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}
}
