package org.taexchange.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What protects every page besides the authorization rules: response headers, CSRF tokens, a new
 * session id at sign-in, sign-in failures that do not tell whether an account exists, and how
 * passwords are stored.
 */
@IntegrationTest
class SecurityHeadersTests {

	private static final List<String> SAFE_REFERRER_POLICIES = List.of("no-referrer", "same-origin", "strict-origin",
			"strict-origin-when-cross-origin");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void pagesPublicAndPrivateAndRefusalsCarryTheProtectiveHeaders() throws Exception {
		Map<String, MockHttpServletResponse> responses = new LinkedHashMap<>();
		responses.put("GET / anonymously", this.mvc.perform(get("/")).andReturn().getResponse());
		responses.put("GET /login", this.mvc.perform(get("/login")).andReturn().getResponse());
		responses.put("GET /admin as coordinator",
				this.mvc.perform(get("/admin").with(Visitor.COORDINATOR.as(this.people))).andReturn().getResponse());
		responses.put("GET /admin as requester (403)",
				this.mvc.perform(get("/admin").with(Visitor.REQUESTER.as(this.people))).andReturn().getResponse());
		responses.put("GET /admin anonymously (redirect)", this.mvc.perform(get("/admin")).andReturn().getResponse());
		responses.put("GET /css/portal.css", this.mvc.perform(get("/css/portal.css")).andReturn().getResponse());
		assertThat(responses.get("GET /admin as coordinator").getStatus()).isEqualTo(200);
		assertThat(responses.get("GET /admin as requester (403)").getStatus()).isEqualTo(403);
		for (Map.Entry<String, MockHttpServletResponse> entry : responses.entrySet()) {
			String what = entry.getKey();
			MockHttpServletResponse response = entry.getValue();

			String policy = response.getHeader("Content-Security-Policy");
			assertThat(policy).as("Content-Security-Policy of %s", what).isNotBlank();
			Map<String, List<String>> directives = directives(policy);
			for (String directive : List.of("script-src", "style-src")) {
				List<String> sources = directives.getOrDefault(directive, directives.get("default-src"));
				assertThat(sources).as("%s of %s (or default-src)", directive, what)
					.isNotNull()
					.doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:");
			}
			assertThat(directives.get("object-src")).as("object-src of %s", what).containsExactly("'none'");

			String frameOptions = response.getHeader("X-Frame-Options");
			List<String> frameAncestors = directives.get("frame-ancestors");
			assertThat("DENY".equalsIgnoreCase(frameOptions)
					|| (frameAncestors != null && frameAncestors.equals(List.of("'none'"))))
				.as("%s may not be framed (X-Frame-Options %s, frame-ancestors %s)", what, frameOptions, frameAncestors)
				.isTrue();
			assertThat(response.getHeader("X-Content-Type-Options")).as("X-Content-Type-Options of %s", what)
				.isEqualTo("nosniff");
			assertThat(response.getHeader("Referrer-Policy")).as("Referrer-Policy of %s", what)
				.isIn(SAFE_REFERRER_POLICIES);
			assertThat(directives.get("base-uri")).as("base-uri of %s", what).containsExactly("'none'");
			assertThat(response.getHeader("Cross-Origin-Opener-Policy")).as("Cross-Origin-Opener-Policy of %s", what)
				.isEqualTo("same-origin");
			assertThat(response.getHeader("Cross-Origin-Resource-Policy"))
				.as("Cross-Origin-Resource-Policy of %s", what)
				.isEqualTo("same-origin");
			Map<String, String> permissions = permissions(response.getHeader("Permissions-Policy"));
			for (String feature : List.of("camera", "microphone", "geolocation", "payment", "usb", "serial",
					"bluetooth", "hid", "midi", "display-capture")) {
				assertThat(permissions.get(feature)).as("%s in the Permissions-Policy of %s", feature, what)
					.isEqualTo("()");
			}
			// passkeys, being built, need these for the portal itself
			assertThat(permissions.get("publickey-credentials-get")).as("passkey sign-in of %s", what)
				.isIn(null, "(self)");
			assertThat(permissions.get("publickey-credentials-create")).as("passkey creation of %s", what)
				.isIn(null, "(self)");
		}
	}

	@Test
	void theContentSecurityPolicyForbidsInlineScriptsAndStylesAndFraming() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/")).andReturn().getResponse();
		Map<String, List<String>> directives = directives(response.getHeader("Content-Security-Policy"));
		assertThat(directives.get("script-src")).containsExactly("'self'");
		assertThat(directives.get("style-src")).containsExactly("'self'");
		assertThat(directives.get("frame-ancestors")).containsExactly("'none'");
		assertThat(directives.get("form-action")).containsExactly("'self'");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void aPostWithoutACsrfTokenIsRefusedWhoeverSendsIt() throws Exception {
		for (Visitor visitor : Visitor.ROLES) {
			for (String path : List.of("/register", "/verify", "/admin/accounts/1/approve", "/admin/organisations",
					"/logout")) {
				MockHttpServletResponse response = this.mvc.perform(post(path).with(visitor.as(this.people)))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("POST %s without a CSRF token as %s", path, visitor).isEqualTo(403);
			}
			MockHttpServletResponse wrongToken = this.mvc
				.perform(post("/register").with(csrf().useInvalidToken()).with(visitor.as(this.people)))
				.andReturn()
				.getResponse();
			assertThat(wrongToken.getStatus()).as("POST /register with a wrong CSRF token as %s", visitor)
				.isEqualTo(403);
		}
	}

	@Test
	void signingInGivesTheSessionANewId() throws Exception {
		// the visitor's session before signing in, as a site that planted the id would know it
		MockHttpSession session = (MockHttpSession) this.mvc.perform(get("/login"))
			.andReturn()
			.getRequest()
			.getSession(true);
		String idBefore = session.getId();
		assertThat(SignIn.whoIsSignedIn(session)).isNull();

		MvcResult result = this.mvc
			.perform(withSession(SignIn.form(Visitor.REQUESTER.email(), Visitor.DEMO_PASSWORD), session))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(after).isNotNull();
		assertThat(SignIn.whoIsSignedIn(after)).isEqualTo(Visitor.REQUESTER.email());
		assertThat(after.getId()).as("session id after signing in").isNotEqualTo(idBefore);
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() throws Exception {
		String realAccount = NewAccounts.registerRequester(this.mvc, "wrong-password");
		MvcResult wrongPassword = this.mvc.perform(SignIn.form(realAccount, "not the password of this account"))
			.andReturn();
		MvcResult unknownEmail = this.mvc
			.perform(SignIn.form("nobody-" + System.nanoTime() + "@example.org", "not the password of this account"))
			.andReturn();
		MvcResult notAnEmail = this.mvc.perform(SignIn.form("not an email", "not the password of this account"))
			.andReturn();

		for (MvcResult result : List.of(wrongPassword, unknownEmail, notAnEmail)) {
			MockHttpServletResponse response = result.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
			assertThat(SignIn.whoIsSignedIn(result.getRequest().getSession(false))).isNull();
		}
		assertThat(wrongPassword.getResponse().getHeaderNames())
			.as("headers of a wrong password and of an unknown email")
			.containsExactlyInAnyOrderElementsOf(unknownEmail.getResponse().getHeaderNames());
		assertThat(wrongPassword.getResponse().getContentAsString())
			.isEqualTo(unknownEmail.getResponse().getContentAsString());

		// the page it leads to says that signing in failed, not why
		String pageAfterFailure = this.mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();
		assertThat(pageAfterFailure).contains("We could not sign you in");

		// the right password still works: the failure was about the password, not the account
		MvcResult rightPassword = this.mvc.perform(SignIn.form(realAccount, NewAccounts.PASSWORD)).andReturn();
		assertThat(rightPassword.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(SignIn.whoIsSignedIn(rightPassword.getRequest().getSession(false))).isEqualTo(realAccount);
	}

	@Test
	void passwordsAreStoredAsArgon2Hashes() throws Exception {
		String registered = NewAccounts.registerRequester(this.mvc, "argon2");
		List<String> emails = new ArrayList<>(
				Visitor.ROLES.stream().filter(Visitor::signedIn).map(Visitor::email).toList());
		emails.add(registered);
		for (String email : emails) {
			String hash = this.jdbc.queryForObject("select password_hash from account where email = ?", String.class,
					email);
			assertThat(hash).as("stored password of %s", email)
				.startsWith("{argon2}$argon2id$")
				.doesNotContain(Visitor.DEMO_PASSWORD)
				.doesNotContain(NewAccounts.PASSWORD);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from account where password_hash not like '{argon2}%'",
				Integer.class))
			.as("accounts whose password is not an Argon2 hash")
			.isZero();
	}

	@Test
	void newPasswordsAreHashedWithTheRecordedArgon2ParametersAndOlderHashesStillVerify() throws Exception {
		String registered = NewAccounts.registerRequester(this.mvc, "argon2-parameters");
		String hash = this.jdbc.queryForObject("select password_hash from account where email = ?", String.class,
				registered);
		// $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>, salt and hash in unpadded base64
		String[] parts = hash.split("\\$");
		assertThat(parts[1]).isEqualTo("argon2id");
		assertThat(parts[3]).as("memory, iterations and lanes").isEqualTo("m=19456,t=2,p=1");
		assertThat(Base64.getDecoder().decode(parts[4])).as("salt").hasSize(16);
		assertThat(Base64.getDecoder().decode(parts[5])).as("hash").hasSize(32);
		assertThat(this.passwordEncoder.matches(NewAccounts.PASSWORD, hash)).isTrue();

		// hashes made before, with Spring's former defaults (16 MiB) or with BCrypt, still verify
		String phrase = "an older pass phrase of the portal";
		String former = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(phrase);
		assertThat(former).contains("$m=16384,t=2,p=1$");
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode(phrase);
		for (String older : List.of(former, bcrypt)) {
			assertThat(this.passwordEncoder.matches(phrase, older)).as("the right phrase against %s", older).isTrue();
			assertThat(this.passwordEncoder.matches(phrase + "!", older)).as("a wrong one against %s", older)
				.isFalse();
		}
	}

	/** The sign-in request of spring-security-test, sent in an existing session. */
	private static RequestBuilder withSession(RequestBuilder builder, MockHttpSession session) {
		return servletContext -> {
			MockHttpServletRequest request = builder.buildRequest(servletContext);
			request.setSession(session);
			return request;
		};
	}


	/** {@code camera=(), publickey-credentials-get=(self)} as feature to allow list. */
	private static Map<String, String> permissions(String policy) {
		assertThat(policy).as("Permissions-Policy").isNotBlank();
		Map<String, String> features = new LinkedHashMap<>();
		for (String feature : policy.split(",")) {
			String[] nameAndList = feature.strip().split("=", 2);
			features.put(nameAndList[0].strip(), nameAndList[1].strip());
		}
		return features;
	}

	private static Map<String, List<String>> directives(String policy) {
		Map<String, List<String>> directives = new LinkedHashMap<>();
		for (String directive : policy.split(";")) {
			List<String> parts = Arrays.stream(directive.strip().split("\\s+")).filter(p -> !p.isEmpty()).toList();
			if (!parts.isEmpty()) {
				directives.put(parts.get(0).toLowerCase(Locale.ROOT), parts.subList(1, parts.size()));
			}
		}
		return directives;
	}
}
