package org.taexchange.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.mail.Message;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.taexchange.support.AuthenticatorCodes;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * ASVS requirements of authentication (V6) and of the secrets it hands out (V11), checked against the
 * running portal: the password fields as browsers and password managers see them, no hints, no expiry,
 * a reset that keeps the second factor, the authenticator codes' window, and the randomness and size
 * of secrets, recovery codes and mailed tokens.
 */
@IntegrationTest
class AsvsAuthenticationTests {

	/** The session attribute that holds the secret offered while an app is being set up. */
	private static final String ENROLMENT_SECRET = "org.taexchange.accounts.SecondFactorController.secret";

	private static final String RESET_SUBJECT = "Choose a new password for TA Exchange";

	private static final String NEW_PASSWORD = "a pass phrase chosen after the reset";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService people;

	@Autowired
	ApplicationContext context;

	/** V6.2.6, V6.2.7: masked fields that password managers fill and nothing stops pasting into. */
	@Test
	void everyPasswordFieldIsMaskedNamedForPasswordManagersAndNeverRefilled() throws Exception {
		List<Document> pages = new ArrayList<>();
		pages.add(page(this.mvc.perform(get("/login")).andReturn()));
		pages.add(page(this.mvc.perform(get("/register")).andReturn()));
		// a form shown again with its errors gives back what was typed, except the passwords
		pages.add(page(this.mvc.perform(NewAccounts.registration("REQUESTER", "not an address").param("fullName", ""))
			.andReturn()));
		pages.add(page(this.mvc
			.perform(get("/account").with(signedIn(this.people.loadUserByUsername(Visitor.REQUESTER.email()))))
			.andReturn()));
		String email = new Registrations(this.context).official("asvs-fields", "SL", "National Minerals Agency");
		pages.add(page(this.mvc.perform(get("/password/reset").param("token", resetToken(email))).andReturn()));

		int fields = 0;
		for (Document page : pages) {
			assertThat(page.select("[onpaste], [oncopy], [oncut], [ondrop], script")).as("paste blockers on %s",
					page.title())
				.isEmpty();
			for (Element input : page.select("input")) {
				String name = input.attr("name").toLowerCase();
				if (!name.contains("password")) {
					continue;
				}
				fields++;
				assertThat(input.attr("type")).as("type of %s on %s", name, page.title()).isEqualTo("password");
				assertThat(input.attr("value")).as("value of %s on %s", name, page.title()).isEmpty();
				String expected = name.equals("password") && page.select("input[name=passwordConfirmation]").isEmpty()
						|| name.equals("currentpassword") ? "current-password" : "new-password";
				assertThat(input.attr("autocomplete")).as("autocomplete of %s on %s", name, page.title())
					.isEqualTo(expected);
				assertThat(input.hasAttr("readonly")).as("%s on %s is read-only", name, page.title()).isFalse();
				if (input.hasAttr("maxlength")) {
					assertThat(Integer.parseInt(input.attr("maxlength"))).as("maxlength of %s", name)
						.isGreaterThanOrEqualTo(128);
				}
			}
		}
		// sign-in 1, registration 2 (twice), account 3, reset 2
		assertThat(fields).as("password fields seen").isEqualTo(10);
	}

	/** V6.4.2: nothing asks for a password hint or a secret question, and nothing could keep one. */
	@Test
	void noFormAsksForAPasswordHintOrASecretQuestionAndNoColumnKeepsOne() throws Exception {
		List<Document> pages = List.of(page(this.mvc.perform(get("/register")).andReturn()),
				page(this.mvc.perform(get("/login")).andReturn()),
				page(this.mvc.perform(get("/password/forgot")).andReturn()),
				page(this.mvc
					.perform(get("/account").with(signedIn(this.people.loadUserByUsername(Visitor.REQUESTER.email()))))
					.andReturn()));
		for (Document page : pages) {
			assertThat(page.select("input, select, textarea")).as("fields of %s", page.title())
				.isNotEmpty()
				.allSatisfy(field -> assertThat(field.attr("name").toLowerCase()).as("field of %s", page.title())
					.doesNotContain("hint", "question", "answer", "reminder", "memorable"));
			assertThat(page.select("label").eachText()).as("labels of %s", page.title())
				.noneMatch(label -> label.toLowerCase().matches(".*(secret question|security question|password hint|reminder).*"));
		}
		assertThat(this.jdbc.queryForList(
				"select table_name || '.' || column_name from information_schema.columns where table_schema = current_schema()"
						+ " and (column_name like '%hint%' or column_name like '%question%' or column_name like '%reminder%')",
				String.class))
			.as("columns that could keep a hint or a secret question")
			.isEmpty();
	}

	/** V6.2.10: a password set years ago still signs in, straight to the person's pages. */
	@Test
	void aPasswordSetYearsAgoStillSignsInWithoutBeingMadeToChangeIt() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String email = registrations.official("asvs-old-password", "SL", "National Minerals Agency");
		registrations.approve(email);
		Instant longAgo = Instant.now().minus(Duration.ofDays(6 * 365));
		this.jdbc.update("update account set created_at = ?, email_verified_at = ?, decided_at = ? where email = ?",
				java.sql.Timestamp.from(longAgo), java.sql.Timestamp.from(longAgo),
				java.sql.Timestamp.from(longAgo.plus(Duration.ofDays(1))), email);

		MvcResult signIn = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password(Registrations.PASSWORD))
			.andReturn();
		String landing = signIn.getResponse().getRedirectedUrl();
		assertThat(landing).as("where signing in leads").doesNotContain("error", "password", "account");
		MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession(false);
		for (String path : List.of(landing, "/requests", "/notifications")) {
			assertThat(this.mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus())
				.as("GET %s", path)
				.isEqualTo(200);
		}
	}

	/**
	 * V6.3.4, V6.4.3: the forgotten-password link sets a new password and nothing more: signing in with
	 * it still asks for the authenticator code, and the app stays set up.
	 */
	@Test
	void afterAForgottenPasswordResetSigningInStillAsksForTheAuthenticatorCode() throws Exception {
		Enrolled person = enrolledOfficial("asvs-reset-keeps-code");
		this.mvc.perform(post("/password/reset").with(csrf())
			.param("token", resetToken(person.email()))
			.param("password", NEW_PASSWORD)
			.param("passwordConfirmation", NEW_PASSWORD)).andReturn();

		MvcResult signIn = this.mvc
			.perform(formLogin("/login").userParameter("email").user(person.email()).password(NEW_PASSWORD))
			.andReturn();
		assertThat(signIn.getResponse().getRedirectedUrl()).as("after the new password").isEqualTo("/login/code");
		MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession(false);
		assertThat(this.mvc.perform(get("/requests").session(session)).andReturn().getResponse()
			.getRedirectedUrl()).as("a page before the code").isEqualTo("/login/code");
		assertThat(appsOf(person.email())).as("authenticator apps set up").isOne();

		MvcResult code = this.mvc.perform(post("/login/code").session(session).with(csrf())
			.param("code", AuthenticatorCodes.code(person.secret(), AuthenticatorCodes.currentStep() + 1))).andReturn();
		assertThat(code.getResponse().getRedirectedUrl()).as("after the code").doesNotContain("/login");
		assertThat(this.mvc.perform(get("/requests").session(session)).andReturn().getResponse().getStatus())
			.as("a page after the code")
			.isEqualTo(200);
	}

	/**
	 * V6.5.5: a code is accepted only for its own 30-second step and the one on either side (clocks a
	 * little apart); a code of two steps away is refused.
	 */
	@Test
	void anAuthenticatorCodeTwoStepsAwayFromNowIsRefused() throws Exception {
		Enrolled person = enrolledOfficial("asvs-code-window");
		MockHttpSession session = signInWithPassword(person.email());
		long now = AuthenticatorCodes.currentStep();
		for (long step : List.of(now + 2, now + 3, now - 2)) {
			MvcResult refused = this.mvc.perform(post("/login/code").session(session).with(csrf())
				.param("code", AuthenticatorCodes.code(person.secret(), step))).andReturn();
			assertThat(refused.getResponse().getContentAsString()).as("code of step now%+d", step - now)
				.contains("This code is not right");
		}
		MvcResult accepted = this.mvc.perform(post("/login/code").session(session).with(csrf())
			.param("code", AuthenticatorCodes.code(person.secret(), AuthenticatorCodes.currentStep() + 1))).andReturn();
		assertThat(accepted.getResponse().getRedirectedUrl()).as("code of the next step").doesNotContain("/login");
	}

	/**
	 * V6.5.3, V6.5.4: every enrolment offers a new 160-bit secret, and recovery codes are long random
	 * strings, never repeated.
	 */
	@Test
	void authenticatorSecretsAndRecoveryCodesAreLongRandomAndNeverRepeated() throws Exception {
		Set<String> secrets = new HashSet<>();
		for (int enrolment = 0; enrolment < 20; enrolment++) {
			MockHttpSession session = new MockHttpSession();
			this.mvc.perform(get("/account/second-factor").session(session)
				.with(signedIn(this.people.loadUserByUsername(Visitor.REQUESTER.email()))));
			String secret = (String) session.getAttribute(ENROLMENT_SECRET);
			// base32: five bits a character
			assertThat(secret).as("secret offered").matches("[A-Z2-7]{32,}");
			secrets.add(secret);
		}
		assertThat(secrets).as("secrets of 20 enrolments").hasSize(20);

		Set<String> codes = new HashSet<>();
		for (String purpose : List.of("asvs-recovery-a", "asvs-recovery-b")) {
			List<String> recoveryCodes = enrolledOfficial(purpose).recoveryCodes();
			assertThat(recoveryCodes).hasSize(10);
			for (String code : recoveryCodes) {
				// 16 letters and digits: 16 × log2(36) ≈ 82 bits, far above the 20 asked
				assertThat(code).as("recovery code").matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}");
				codes.add(code);
			}
		}
		assertThat(codes).as("recovery codes of two people").hasSize(20);
		Set<Character> used = new HashSet<>();
		codes.forEach(code -> code.replace("-", "").chars().forEach(c -> used.add((char) c)));
		assertThat(used).as("characters used across 20 codes").hasSizeGreaterThan(30);
	}

	/**
	 * V11.5.1, V11.2.3, V11.4.3: a mailed link carries 256 random bits, a new value each time, and the
	 * database keeps only its SHA-256 (256 bits), never the value.
	 */
	@Test
	void mailedTokensCarry256RandomBitsAndOnlyTheirSha256IsStored() throws Exception {
		String email = new Registrations(this.context).official("asvs-tokens", "SL", "National Minerals Agency");
		Set<String> tokens = new HashSet<>();
		for (int ask = 1; ask <= 4; ask++) {
			String token = resetToken(email, ask);
			byte[] bits = Base64.getUrlDecoder().decode(token);
			assertThat(bits).as("bytes in the token").hasSize(32);
			tokens.add(token);
			String digest = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
			List<String> stored = this.jdbc.queryForList(
					"select t.token_hash from password_token t join account a on a.id = t.account_id where a.email = ?",
					String.class, email);
			assertThat(stored).as("stored for the token").contains(digest).doesNotContain(token);
		}
		assertThat(tokens).as("tokens of four mails").hasSize(4);
	}

	/**
	 * V7.1.2, as docs/security.md documents it: an account may have any number of sessions at once;
	 * signing in again ends none of the others.
	 */
	@Test
	void anAccountMayHaveManySessionsAtOnceAndSigningInAgainEndsNoneOfThem() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String email = registrations.official("asvs-parallel", "SL", "National Minerals Agency");
		registrations.approve(email);
		List<MockHttpSession> sessions = new ArrayList<>();
		for (int device = 0; device < 6; device++) {
			sessions.add(signInWithPassword(email));
		}
		assertThat(sessions.stream().map(MockHttpSession::getId).distinct()).as("sessions").hasSize(6);
		for (MockHttpSession session : sessions) {
			assertThat(this.mvc.perform(get("/account").session(session)).andReturn().getResponse().getStatus())
				.as("the account page in session %s", session.getId())
				.isEqualTo(200);
		}
		assertThat(Files.readString(Path.of("docs/security.md"))).as("what the security page says")
			.contains("**any number of sessions at once**");
	}

	private record Enrolled(String email, String secret, List<String> recoveryCodes) {
	}

	/** An approved official who has set up an authenticator app, as a person does on the account page. */
	private Enrolled enrolledOfficial(String purpose) throws Exception {
		Registrations registrations = new Registrations(this.context);
		String email = registrations.official(purpose, "SL", "National Minerals Agency");
		registrations.approve(email);
		MockHttpSession session = signInWithPassword(email);
		this.mvc.perform(get("/account/second-factor").session(session));
		String secret = (String) session.getAttribute(ENROLMENT_SECRET);
		MvcResult enrolled = this.mvc.perform(post("/account/second-factor").session(session).with(csrf())
			.param("code", AuthenticatorCodes.code(secret, AuthenticatorCodes.currentStep()))).andReturn();
		@SuppressWarnings("unchecked")
		List<String> recoveryCodes = (List<String>) enrolled.getFlashMap().get("recoveryCodes");
		assertThat(appsOf(email)).as("apps of %s", email).isOne();
		return new Enrolled(email, secret, recoveryCodes);
	}

	private MockHttpSession signInWithPassword(String email) throws Exception {
		MvcResult result = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password(Registrations.PASSWORD))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("signing in as %s", email).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private int appsOf(String email) {
		return this.jdbc.queryForObject(
				"select count(*) from authenticator_app a join account c on c.id = a.account_id where c.email = ?",
				Integer.class, email);
	}

	private String resetToken(String email) throws Exception {
		return resetToken(email, 1);
	}

	/** Asks for a reset link and returns the token of the n-th reset mail to the address. */
	private String resetToken(String email, int nth) throws Exception {
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", email));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			List<Message> resets = TestMailServer.mailsTo(email)
				.stream()
				.filter(mail -> TestMailServer.subject(mail).equals(RESET_SUBJECT))
				.toList();
			if (resets.size() >= nth) {
				String link = TestMailServer.linkIn(resets.get(nth - 1), "/password/reset?token=");
				return link.substring(link.indexOf("token=") + 6);
			}
			TestMailServer.awaitMail(email, TestMailServer.mailsTo(email).size() + 1);
		}
		throw new AssertionError("No reset mail number " + nth + " to " + email);
	}

	private static Document page(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as("status of %s", result.getRequest().getRequestURI())
			.isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}
}
