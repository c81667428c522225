package org.taexchange.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import org.taexchange.audit.DecisionMade;
import org.taexchange.participants.Directory;
import org.taexchange.platform.DemoData;

/**
 * Accounts the portal creates by itself: the first admin from {@code TA_ADMIN_EMAIL} and
 * {@code TA_ADMIN_PASSWORD} when no admin exists, and the demo accounts (one per role, all with the
 * password {@value #DEMO_PASSWORD}; the demo admin and coordinator have the authenticator-app secret
 * {@value #DEMO_TOTP_SECRET}) when demo data is on. Demo data is on by default with the
 * embedded database and off with an external one; {@code app.demo-data} decides otherwise.
 * Both are idempotent: an account that exists is left as it is.
 */
@Component
@Order(10)
class AccountSeeding implements ApplicationRunner {

	static final String DEMO_PASSWORD = "kimberley-demo-2026";

	/** The addresses of the demo accounts, which production refuses ({@link DemoAccountsRefused}). */
	static final List<String> DEMO_EMAILS = List.of("admin@example.org", "coordinator@example.org",
			"official.sl@example.org", "official.ci@example.org", "provider@example.org");

	/**
	 * The authenticator-app secret of the demo admin and coordinator (demo data only, published in the
	 * README): add it to an app, or compute a code with {@code oathtool --totp -b}, to sign in as them.
	 */
	static final String DEMO_TOTP_SECRET = "KIMBERLEYDEMOSTAFFSECRETTOTPABCD";

	private static final Logger log = LoggerFactory.getLogger(AccountSeeding.class);

	private final Accounts accounts;

	private final Directory directory;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	private final Environment environment;

	private final DemoData demoData;

	private final SecondFactors secondFactors;

	private final Clock clock;

	AccountSeeding(Accounts accounts, Directory directory, PasswordEncoder passwordEncoder,
			TransactionTemplate transactions, Environment environment, DemoData demoData,
			SecondFactors secondFactors, Clock clock) {
		this.secondFactors = secondFactors;
		this.accounts = accounts;
		this.directory = directory;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
		this.environment = environment;
		this.demoData = demoData;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult(status -> {
			bootstrapAdmin();
			if (demoDataWanted()) {
				seedDemoAccounts();
			}
		});
	}

	boolean demoDataWanted() {
		return this.demoData.wanted();
	}

	private void bootstrapAdmin() {
		String email = this.environment.getProperty("app.admin.email");
		String password = this.environment.getProperty("app.admin.password");
		if (!StringUtils.hasText(email) || this.accounts.existsByRole(Role.ADMIN)) {
			return;
		}
		// the address is left out of the context words: compose's default admin@… would refuse any phrase with "admin"
		String problem = PasswordPolicy.problem(password, new PasswordPolicy.Person("Administrator", null));
		if (problem != null) {
			throw new IllegalStateException("TA_ADMIN_PASSWORD does not meet the password policy (" + problem + ": "
					+ PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
					+ " characters, not a common or leaked password, not the portal's name)");
		}
		createIfAbsent(Account.staff(new EmailAddress(email), this.passwordEncoder.encode(password), "Administrator",
				Role.ADMIN, Locale.ENGLISH, this.clock));
		log.info("Created the first admin account {}", email);
	}

	private void seedDemoAccounts() {
		if (this.accounts.existsByEmail("admin@example.org")) {
			return;
		}
		String hash = this.passwordEncoder.encode(DEMO_PASSWORD);
		for (Account staff : List.of(
				Account.staff(new EmailAddress("admin@example.org"), hash, "Demo Admin", Role.ADMIN, Locale.ENGLISH,
						this.clock),
				Account.staff(new EmailAddress("coordinator@example.org"), hash, "Demo Coordinator", Role.COORDINATOR,
						Locale.ENGLISH, this.clock))) {
			createIfAbsent(staff);
			if (staff.getId() != null) {
				this.secondFactors.enrolDemo(staff.getId(), DEMO_TOTP_SECRET);
			}
		}
		createIfAbsent(approved(Account.registerRequester(new EmailAddress("official.sl@example.org"), hash,
				"Demo Official Sierra Leone", Locale.ENGLISH, "SL", "Head of monitoring",
				"National Minerals Agency", this.clock)));
		createIfAbsent(approved(Account.registerRequester(new EmailAddress("official.ci@example.org"), hash,
				"Demo Official Côte d'Ivoire", Locale.FRENCH, "CI", "Chargé de la traçabilité",
				"Secrétariat permanent du Processus de Kimberley", this.clock)));
		this.directory.activeOrganisations()
			.stream()
			.filter(o -> "WCO".equals(o.shortName()))
			.findFirst()
			.ifPresent(wco -> createIfAbsent(approved(Account.registerProvider(new EmailAddress("provider@example.org"),
					hash, "Demo Provider WCO", Locale.ENGLISH, wco.id(), "Technical officer", this.clock))));
		log.info("Demo accounts are ready: admin@, coordinator@, official.sl@, official.ci@, provider@example.org, "
				+ "password {}; the admin and the coordinator sign in with a code of the authenticator-app secret {}",
				DEMO_PASSWORD, DEMO_TOTP_SECRET);
	}

	private Account approved(Account account) {
		account.verifyEmail(this.clock);
		account.approve(DecisionMade.SYSTEM, this.clock);
		return account;
	}

	private void createIfAbsent(Account account) {
		if (!this.accounts.existsByEmail(account.getEmail())) {
			this.accounts.save(account);
		}
	}
}
