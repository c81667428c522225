package org.taexchange.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * ASVS requirements of the web front end and of HTTP handling, checked on the running portal: no
 * cross-origin access is ever granted, a parameter sent twice reaches nobody, and pages use nothing
 * but HTML and CSS.
 */
@IntegrationTest
class AsvsHttpTests {

	private static final String OTHER_SITE = "https://elsewhere.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** V3.4.2: neither a preflight nor a cross-origin request gets an Access-Control-Allow-Origin. */
	@Test
	void noAnswerGrantsAnotherSiteCrossOriginAccess() throws Exception {
		List<MockHttpServletRequestBuilder> requests = List.of(get("/"), get("/offers"), get("/login"),
				get("/account").with(as(Visitor.REQUESTER)), get("/admin/accounts").with(as(Visitor.ADMIN)),
				get("/actuator/health"), get("/no-such-page"),
				post("/password/forgot").with(csrf()).param("email", "cors@example.org"),
				options("/login").header("Access-Control-Request-Method", "POST")
					.header("Access-Control-Request-Headers", "content-type"),
				options("/account").with(as(Visitor.REQUESTER))
					.header("Access-Control-Request-Method", "POST")
					.header("Access-Control-Request-Headers", "x-csrf-token"),
				options("/admin/accounts").header("Access-Control-Request-Method", "GET"));
		for (MockHttpServletRequestBuilder request : requests) {
			MvcResult result = this.mvc.perform(request.header("Origin", OTHER_SITE)).andReturn();
			String what = result.getRequest().getMethod() + " " + result.getRequest().getRequestURI();
			assertThat(result.getResponse().getHeaderNames()).as("headers of %s", what)
				.noneMatch(name -> name.toLowerCase().startsWith("access-control-allow"));
		}
	}

	/**
	 * V15.3.7: an address given twice (twice in the body, or in the address and the body) is not one
	 * of them picked quietly: the form says it is not an address and no mail leaves for either.
	 */
	@Test
	void anAddressSentTwiceToTheForgottenPasswordFormIsRefusedAndMailsNeither() throws Exception {
		String first = "pollution-a-" + System.nanoTime() + "@example.org";
		String second = "pollution-b-" + System.nanoTime() + "@example.org";
		for (MockHttpServletRequestBuilder request : List.of(
				post("/password/forgot").with(csrf()).param("email", Visitor.REQUESTER.email(), first),
				post("/password/forgot?email=" + Visitor.REQUESTER.email()).with(csrf()).param("email", second))) {
			MvcResult result = this.mvc.perform(request).andReturn();
			assertThat(result.getResponse().getStatus()).as("answer").isEqualTo(200);
			Document page = Jsoup.parse(result.getResponse().getContentAsString());
			assertThat(page.select(".error-summary, .error-message")).as("errors shown").isNotEmpty();
		}
		for (String address : List.of(Visitor.REQUESTER.email(), first, second)) {
			assertThat(TestMailServer.mailsTo(address)).as("mails to %s", address)
				.noneMatch(mail -> TestMailServer.subject(mail).contains("new password"));
		}
	}

	/**
	 * V15.3.7: signing in reads one address and one password; an address added in the query string
	 * does not combine with a password from the body to sign anyone in.
	 */
	@Test
	void anAddressAddedToTheSignInQueryDoesNotSignAnyoneIn() throws Exception {
		String other = Visitor.PROVIDER.email();
		this.mvc.perform(formLogin("/login?email=" + other).userParameter("email")
			.user(Visitor.REQUESTER.email())
			.password("not the password of either")).andExpect(unauthenticated());
		this.mvc.perform(post("/login").with(csrf())
			.param("email", Visitor.REQUESTER.email(), other)
			.param("password", "not the password of either", Visitor.DEMO_PASSWORD)).andExpect(unauthenticated());
	}

	/**
	 * V15.3.7: a choice sent twice in a form with conflicting values (the account type of a
	 * registration) never becomes the second one quietly: the first value counts, or the form is refused.
	 */
	@Test
	void aRegistrationWithTheAccountTypeSentTwiceCreatesNoProviderAccount() throws Exception {
		String email = "pollution-type-" + System.nanoTime() + "@example.org";
		this.mvc.perform(NewAccounts.registration("REQUESTER", email).param("accountType", "PROVIDER")).andReturn();
		List<String> roles = this.jdbc.queryForList("select role from account where email = ?", String.class, email);
		assertThat(roles).as("roles of the account made").doesNotContain("PROVIDER");
		// the same registration with the type once makes an account, so the one above was not refused for another reason
		String control = "pollution-control-" + System.nanoTime() + "@example.org";
		this.mvc.perform(NewAccounts.registration("REQUESTER", control)).andReturn();
		assertThat(this.jdbc.queryForList("select role from account where email = ?", String.class, control))
			.as("roles of the control account")
			.containsExactly("REQUESTER");
	}

	/**
	 * V3.7.1: pages for every kind of visitor use plain HTML and CSS: no scripts, plugins or frames,
	 * and the only static files are style sheets, images and the one script of the portal's own that
	 * passkeys need ({@code /js/passkeys.js}, loaded only on the second-factor pages).
	 */
	@Test
	void pagesUseOnlyHtmlAndCssWithoutScriptsPluginsOrFrames() throws Exception {
		List<MockHttpServletRequestBuilder> requests = List.of(get("/"), get("/offers"), get("/login"), get("/register"),
				get("/password/forgot"), get("/no-such-page"), get("/requests").with(as(Visitor.REQUESTER)),
				get("/account").with(as(Visitor.REQUESTER)), get("/offers/mine").with(as(Visitor.PROVIDER)),
				get("/admin").with(as(Visitor.COORDINATOR)), get("/admin/accounts").with(as(Visitor.ADMIN)),
				get("/admin/security").with(as(Visitor.ADMIN)));
		for (MockHttpServletRequestBuilder request : requests) {
			MvcResult result = this.mvc.perform(request).andReturn();
			String what = result.getRequest().getRequestURI();
			Document page = Jsoup.parse(result.getResponse().getContentAsString());
			assertThat(page.select("html")).as("page of %s", what).isNotEmpty();
			assertThat(page.select("script, object, embed, applet, iframe, frame, frameset, noscript"))
				.as("scripts, plugins and frames on %s", what)
				.isEmpty();
			assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).as("style sheets of %s", what)
				.allMatch(href -> href.startsWith("/css/"));
			assertThat(page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
				.filter(a -> a.getKey().startsWith("on") || a.getValue().trim().toLowerCase().startsWith("javascript:"))
				.toList()).as("script in attributes on %s", what).isEmpty();
		}
		// the second-factor page loads the passkey script from the portal itself, with nothing inline
		Document secondFactor = Jsoup.parse(this.mvc.perform(get("/account/second-factor").with(as(Visitor.REQUESTER)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(secondFactor.select("script")).as("scripts of the second-factor page")
			.isNotEmpty()
			.allMatch(script -> script.attr("src").equals("/js/passkeys.js") && script.data().isBlank());
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static"))) {
			assertThat(files.filter(Files::isRegularFile).map(Path::toString).toList()).as("static files")
				.isNotEmpty()
				.allMatch(name -> name.endsWith(".css") || name.endsWith(".png") || name.endsWith(".svg")
						|| name.endsWith(".ico") || name.equals(Path.of("src/main/resources/static/js/passkeys.js").toString()));
		}
	}

	/**
	 * V6.1.3: every form a visitor can post to without signing in is one of the pathways that
	 * docs/security.md documents, with its strength; a new way in fails here until it is written down.
	 */
	@Test
	void everyFormAVisitorCanPostToIsADocumentedPathway() throws Exception {
		String page = Files.readString(Path.of("docs/security.md"));
		int start = page.indexOf("### Ways in");
		assertThat(start).as("the pathways section").isNotNegative();
		String section = page.substring(start, page.indexOf("\n#", start + 5));
		List<String> documented = section.lines()
			.filter(line -> line.startsWith("| ") && !line.startsWith("| pathway"))
			.map(line -> line.split("\\|")[2].strip().replace("`", ""))
			.toList();
		assertThat(documented).as("documented pathways").contains("/login", "/logout");

		List<String> reachable = new ArrayList<>();
		for (RequestMappingInfo mapping : this.mappings.getHandlerMethods().keySet()) {
			if (!mapping.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				continue;
			}
			for (String pattern : mapping.getPatternValues()) {
				String path = pattern.replaceAll("\\{[^}]+}", "1");
				MvcResult result = this.mvc.perform(post(path).with(csrf())).andReturn();
				String location = result.getResponse().getRedirectedUrl();
				boolean sentToSignIn = location != null && location.endsWith("/login");
				if (!sentToSignIn && result.getResponse().getStatus() != 403) {
					reachable.add(pattern);
				}
			}
		}
		assertThat(reachable).as("forms a visitor reaches").isNotEmpty();
		assertThat(documented).as("documented pathways").containsAll(reachable);
		for (String path : documented) {
			MvcResult result = this.mvc.perform(post(path).with(csrf())).andReturn();
			assertThat(result.getResponse().getStatus()).as("POST %s", path).isNotEqualTo(404).isNotEqualTo(405);
		}
	}

	private RequestPostProcessor as(Visitor visitor) {
		return signedIn(this.people.loadUserByUsername(visitor.email()));
	}
}
