package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.taexchange.support.SignedIn.signedInWithPasskey;
import static org.taexchange.support.SignedIn.signedInWithPasswordOnly;

/**
 * Passkeys as the alternative second factor: either factor opens the admin area, neither does not, an
 * approval asks for a recent one, the second-factor page lists and removes one's own passkeys (never
 * someone else's, never a staff member's last factor), and a passkey never signs anyone in alone.
 * The ceremonies themselves, with a real authenticator, are in {@code PasskeyBrowserTests}.
 */
@IntegrationTest
class PasskeyTests {

	private static final String PASSWORD = "a pass phrase for passkey tests";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService people;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PublicKeyCredentialUserEntityRepository userEntities;

	@Autowired
	UserCredentialRepository credentials;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@Test
	void aPasskeyOpensTheAdminAreaLikeTheAppAndWithoutEitherItAsksForOne() throws Exception {
		String email = newCoordinator();
		addPasskey(email, "laptop");
		UserDetails coordinator = this.people.loadUserByUsername(email);

		assertThat(status(get("/admin").with(signedInWithPasskey(coordinator, Instant.now())))).isEqualTo(200);
		MvcResult passwordOnly = this.mvc.perform(get("/admin").with(signedInWithPasswordOnly(coordinator)))
			.andReturn();
		assertThat(passwordOnly.getResponse().getRedirectedUrl()).isEqualTo("/login/code");

		// without an authenticator app, the page offers the passkey only, and a typed code goes nowhere
		String challenge = this.mvc.perform(get("/login/code").with(signedInWithPasswordOnly(coordinator)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(challenge).contains("Use a passkey")
			.contains("action=\"/login/webauthn\"")
			.contains("/js/passkeys.js")
			.contains("Passkeys need JavaScript")
			.doesNotContain("name=\"code\"");
		assertThat(this.mvc.perform(post("/login/code").with(signedInWithPasswordOnly(coordinator)).with(csrf())
			.param("code", "123456")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login/code");
	}

	@Test
	void aCoordinatorWithNeitherFactorIsOfferedBothOnTheSecondFactorPage() throws Exception {
		String email = newCoordinator();
		UserDetails coordinator = this.people.loadUserByUsername(email);

		assertThat(this.mvc.perform(get("/admin").with(signedInWithPasswordOnly(coordinator))).andReturn()
			.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		assertThat(this.mvc.perform(get("/login/code").with(signedInWithPasswordOnly(coordinator))).andReturn()
			.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor");
		String page = this.mvc.perform(get("/account/second-factor").with(signedInWithPasswordOnly(coordinator)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/account/second-factor/qr-code.png")
			.contains("Add a passkey")
			.contains("action=\"/webauthn/register\"")
			.contains("You have not added a passkey.")
			.contains("The authenticator app works without JavaScript.");
	}

	@Test
	void anApprovalAsksForTheFactorAgainWhenThePasskeyWasUsedMoreThanThirtyMinutesAgo() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String official = registrations.official("passkey-step-up", "SL", "National Minerals Agency");
		Account pending = this.accounts.findByEmail(official).orElseThrow();
		String email = newCoordinator();
		addPasskey(email, "laptop");
		UserDetails coordinator = this.people.loadUserByUsername(email);

		MvcResult asked = this.mvc
			.perform(post("/admin/accounts/" + pending.getId() + "/approve").session(new MockHttpSession())
				.with(signedInWithPasskey(coordinator, Instant.now().minus(Duration.ofMinutes(31))))
				.with(csrf())
				.param("version", String.valueOf(pending.getVersion())))
			.andReturn();
		assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		assertThat(this.accounts.findByEmail(official).orElseThrow().getStatus()).isEqualTo(AccountStatus.PENDING);

		MvcResult recent = this.mvc
			.perform(post("/admin/accounts/" + pending.getId() + "/approve")
				.with(signedInWithPasskey(coordinator, Instant.now().minus(Duration.ofMinutes(29))))
				.with(csrf())
				.param("version", String.valueOf(pending.getVersion())))
			.andReturn();
		assertThat(recent.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts");
		assertThat(this.accounts.findByEmail(official).orElseThrow().getStatus()).isEqualTo(AccountStatus.APPROVED);
	}

	@Test
	void anOfficialWhoAddedAPasskeyIsAskedForASecondFactorOnEveryPage() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String official = registrations.official("passkey-official", "SL", "National Minerals Agency");
		registrations.approve(official);
		addPasskey(official, "phone");

		MvcResult password = this.mvc
			.perform(formLogin("/login").userParameter("email").user(official).password(Registrations.PASSWORD))
			.andReturn();
		assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		MockHttpSession session = (MockHttpSession) password.getRequest().getSession(false);
		assertThat(this.mvc.perform(get("/requests").session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login/code");
		assertThat(status(get("/requests").with(signedInWithPasskey(this.people.loadUserByUsername(official),
				Instant.now())))).isEqualTo(200);
	}

	@Test
	void thePageListsOnesOwnPasskeysAndRemovesOneOfThemIntoTheSecurityTrail() throws Exception {
		String email = newCoordinator();
		String laptop = addPasskey(email, "work laptop");
		addPasskey(email, "phone");
		UserDetails coordinator = this.people.loadUserByUsername(email);

		String page = this.mvc.perform(get("/account/second-factor").with(signedInWithPasskey(coordinator,
				Instant.now()))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("work laptop").contains("phone").contains("Not used yet")
			.contains("/account/second-factor/passkeys/" + laptop + "/remove");

		MvcResult removed = this.mvc.perform(post("/account/second-factor/passkeys/{id}/remove", laptop)
			.with(signedInWithPasskey(coordinator, Instant.now())).with(csrf())).andReturn();
		assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor");
		assertThat(removed.getFlashMap().get("flash")).isEqualTo("flash.passkey.removed");
		assertThat(passkeysOf(email)).isOne();
		assertThat(this.jdbc.queryForObject(
				"select detail from security_event where account_email = ? and kind = 'FACTOR_REMOVED'", String.class,
				email)).isEqualTo("passkey: work laptop");
		String accountPage = this.mvc.perform(get("/account").with(signedInWithPasskey(coordinator, Instant.now())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(accountPage).contains("Second factor removed");
	}

	@Test
	void aPasskeyOfAnotherAccountIsNotFoundAndStays() throws Exception {
		String owner = newCoordinator();
		String theirs = addPasskey(owner, "owner's key");
		addPasskey(owner, "owner's spare key");
		String other = newCoordinator();
		addPasskey(other, "other's key");

		MvcResult refused = this.mvc.perform(post("/account/second-factor/passkeys/{id}/remove", theirs)
			.with(signedInWithPasskey(this.people.loadUserByUsername(other), Instant.now())).with(csrf())).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(404);
		assertThat(passkeysOf(owner)).isEqualTo(2);
	}

	@Test
	void aCoordinatorKeepsTheirLastSecondFactor() throws Exception {
		String email = newCoordinator();
		String only = addPasskey(email, "only key");

		MvcResult refused = this.mvc.perform(post("/account/second-factor/passkeys/{id}/remove", only)
			.with(signedInWithPasskey(this.people.loadUserByUsername(email), Instant.now())).with(csrf())).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor");
		assertThat(refused.getFlashMap().get("flash")).isEqualTo("flash.passkey.lastFactor");
		assertThat(passkeysOf(email)).isOne();
	}

	@Test
	void springsOwnRemovalEndpointIsClosedSoTheLastFactorRuleHolds() throws Exception {
		String email = newCoordinator();
		String only = addPasskey(email, "only key");

		assertThat(status(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/webauthn/register/{id}", only)
			.with(signedInWithPasskey(this.people.loadUserByUsername(email), Instant.now()))
			.with(csrf()))).isEqualTo(403);
		assertThat(passkeysOf(email)).isOne();
	}

	@Test
	void afterThePasswordTheirOwnPasskeyCompletesTheSignInAndItsUseIsRecorded() throws Exception {
		String email = newCoordinator();
		SoftwarePasskey passkey = SoftwarePasskey.registeredFor(email, "laptop", this.userEntities, this.credentials);
		MockHttpSession session = PasswordAccounts.signIn(this.mvc, email, PASSWORD);
		assertThat(this.mvc.perform(get("/admin").session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login/code");

		MvcResult accepted = usePasskey(session, passkey);
		assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
		assertThat(accepted.getResponse().getContentAsString()).contains("\"authenticated\":true")
			.containsPattern("\"redirectUrl\":\"[^\"]*/admin\"");
		assertThat(status(get("/admin").session(session))).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from security_event where account_email = ? and kind = 'FACTOR_USED'", Integer.class,
				email)).isOne();
		assertThat(this.mvc.perform(get("/account/second-factor").session(session)).andReturn().getResponse()
			.getContentAsString()).doesNotContain("Not used yet");
	}

	@Test
	void aPasskeyOfAnotherAccountDoesNotCompleteSomeoneElsesSignIn() throws Exception {
		String signedIn = newCoordinator();
		addPasskey(signedIn, "own key");
		String other = newCoordinator();
		SoftwarePasskey othersPasskey = SoftwarePasskey.registeredFor(other, "other's key", this.userEntities,
				this.credentials);
		MockHttpSession session = PasswordAccounts.signIn(this.mvc, signedIn, PASSWORD);

		assertThat(usePasskey(session, othersPasskey).getResponse().getStatus()).isEqualTo(401);
		assertThat(this.mvc.perform(get("/admin").session(session)).andReturn().getResponse().getRedirectedUrl())
			.as("still signed in with the password only, as themselves")
			.isEqualTo("/login/code");
	}

	@Test
	void aPasskeyAloneSignsNobodyIn() throws Exception {
		String email = newCoordinator();
		SoftwarePasskey passkey = SoftwarePasskey.registeredFor(email, "laptop", this.userEntities, this.credentials);
		MockHttpSession session = new MockHttpSession();

		MvcResult refused = usePasskey(session, passkey);
		assertThat(refused.getResponse().getStatus()).isEqualTo(401);
		assertThat(this.mvc.perform(get("/admin").session(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	/** Asks for a challenge, as the page's script does, and answers it with the passkey. */
	private MvcResult usePasskey(MockHttpSession session, SoftwarePasskey passkey) throws Exception {
		String options = this.mvc.perform(post("/webauthn/authenticate/options").session(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher challenge = Pattern.compile("\"challenge\":\"([^\"]+)\"").matcher(options);
		assertThat(challenge.find()).as(options).isTrue();
		return this.mvc.perform(post("/login/webauthn").session(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(passkey.assertion(challenge.group(1)))).andReturn();
	}

	private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private String newCoordinator() {
		String email = "passkey-" + System.nanoTime() + "@example.org";
		this.accounts.save(Account.staff(new EmailAddress(email), this.passwordEncoder.encode(PASSWORD),
				"Passkey Coordinator", Role.COORDINATOR, Locale.ENGLISH, this.clock));
		return email;
	}

	/**
	 * Stores a passkey for the account as Spring's registration does (its key material is never checked
	 * here: these tests are about the rules and the page); returns its id as the page shows it.
	 */
	private String addPasskey(String email, String label) {
		var user = this.userEntities.findByUsername(email);
		if (user == null) {
			user = ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.random())
				.name(email)
				.displayName(email)
				.build();
			this.userEntities.save(user);
		}
		Bytes id = Bytes.random();
		this.credentials.save(ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(id)
			.userEntityUserId(user.getId())
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
			.signatureCount(0)
			.uvInitialized(true)
			.transports(Set.of(AuthenticatorTransport.INTERNAL))
			.backupEligible(false)
			.backupState(false)
			.label(label)
			.build());
		return id.toBase64UrlString();
	}

	private int passkeysOf(String email) {
		return this.jdbc.queryForObject(
				"select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id where u.name = ?",
				Integer.class, email);
	}
}
