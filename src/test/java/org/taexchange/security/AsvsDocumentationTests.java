package org.taexchange.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.taexchange.audit.SecurityEventKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ASVS asks to have documented, in {@code docs/security.md}, checked against what the portal is:
 * the business limits against the settings and their defaults in code, the log inventory against the
 * kinds of security event and the trail's tables. A limit or an event kind added without its line here
 * fails the build.
 */
class AsvsDocumentationTests {

	private static final Path PAGE = Path.of("docs/security.md");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/** {@code @DefaultValue("8h") Duration sessionLifetime}: a default in code of a settings record. */
	private static final Pattern DEFAULT = Pattern.compile("@DefaultValue\\(\"([^\"]*)\"\\)\\s+\\w+\\s+(\\w+)");

	/** V2.1.3: every limit in the settings is in the list, with the value the portal runs with. */
	@Test
	void theBusinessLimitsListedAreTheOnesThePortalRunsWith() throws IOException {
		Properties settings = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
			settings.load(in);
		}
		Map<String, String> defaults = new HashMap<>();
		Matcher defaultValue = DEFAULT
			.matcher(Files.readString(Path.of("src/main/java/org/taexchange/accounts/SecuritySettings.java")));
		while (defaultValue.find()) {
			defaults.put("app.security." + kebab(defaultValue.group(2)), defaultValue.group(1));
		}
		assertThat(defaults).as("defaults in SecuritySettings").containsKeys("app.security.session-lifetime");

		Map<String, String> listed = new HashMap<>();
		for (String row : rowsOf(section("### Business limits"))) {
			String[] cells = row.split("\\|");
			List<String> names = codes(cells[2]);
			List<String> values = codes(cells[3]);
			if (names.isEmpty()) {
				continue; // a limit fixed in code, tested where it is enforced
			}
			assertThat(values).as("values of %s", names).hasSameSizeAs(names);
			for (int i = 0; i < names.size(); i++) {
				listed.put(names.get(i), values.get(i));
			}
		}
		assertThat(listed).as("limits listed").hasSizeGreaterThan(15);
		listed.forEach((name, value) -> {
			String actual = settings.getProperty(name, defaults.get(name));
			assertThat(actual).as("value of %s, listed as %s", name, value).isEqualTo(value);
		});
		List<String> limits = settings.stringPropertyNames()
			.stream()
			.filter(name -> name.matches("app\\.rate-limits\\..*\\.(capacity|period)|app\\.security\\.(max-|lock-|verification-|second-factor\\.).*"
					+ "|spring\\.servlet\\.multipart\\.max-.*|server\\.servlet\\.session\\.timeout"))
			.toList();
		assertThat(limits).as("limits in application.properties").hasSizeGreaterThan(15);
		assertThat(listed.keySet()).as("limits listed").containsAll(limits);
	}

	/**
	 * V16.1.1: the log inventory names every kind of security event the trail records, and the tables
	 * it names are the ones the migrations create.
	 */
	@Test
	void theLogInventoryNamesEveryKindOfSecurityEventAndTheTablesThatHoldThem() throws IOException {
		String inventory = section("### What is logged");
		List<String> named = codes(inventory);
		for (SecurityEventKind kind : SecurityEventKind.values()) {
			assertThat(named).as("kinds of security event listed").contains(kind.name());
		}
		List<String> tables = new ArrayList<>();
		try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path migration : migrations.toList()) {
				Matcher table = Pattern.compile("(?i)create table (\\w+)").matcher(Files.readString(migration));
				while (table.find()) {
					tables.add(table.group(1).toLowerCase());
				}
			}
		}
		for (String log : List.of("security_event", "decision_log")) {
			assertThat(named).as("tables in the inventory").contains(log);
			assertThat(tables).as("tables the migrations create").contains(log);
		}
	}

	/**
	 * V5.1.1: the kinds of file listed are exactly the ones the upload accepts (the extensions of
	 * {@code FileTypes.ACCEPTED}), so a kind added or dropped in code fails here until the page says so.
	 */
	@Test
	void theKindsOfFileListedAreTheOnesTheUploadAccepts() throws IOException {
		String source = Files.readString(Path.of("src/main/java/org/taexchange/requests/FileTypes.java"));
		int start = source.indexOf("ACCEPTED = Map.of(");
		assertThat(start).as("the accepted types in FileTypes").isNotNegative();
		List<String> accepted = new ArrayList<>();
		Matcher extension = Pattern.compile("\\w+, \"(\\w+)\"").matcher(source.substring(start, source.indexOf(';', start)));
		while (extension.find()) {
			accepted.add(extension.group(1));
		}
		assertThat(accepted).as("extensions in FileTypes").hasSizeGreaterThan(4);
		List<String> listed = new ArrayList<>();
		for (String row : section("### Files people attach").lines()
			.filter(line -> line.startsWith("| ") && !line.startsWith("| kind "))
			.toList()) {
			listed.addAll(codes(row.split("\\|")[2]));
		}
		assertThat(listed).as("extensions listed").containsExactlyInAnyOrderElementsOf(accepted);
	}

	/**
	 * V11.1.2: every hash, cipher and one-time-code algorithm the code names is in the inventory, so a
	 * new one cannot be used without its line.
	 */
	@Test
	void everyAlgorithmTheCodeUsesIsInTheInventory() throws IOException {
		Map<Pattern, String> markers = Map.of(Pattern.compile("MessageDigest\\.getInstance\\(\"([^\"]+)\"\\)"), "",
				Pattern.compile("(?:Cipher|Mac|KeyGenerator|SecretKeyFactory)\\.getInstance\\(\"([^\"]+)\"\\)"), "",
				Pattern.compile("Encryptors\\.(?:delux|stronger)\\("), "AES-256-GCM",
				Pattern.compile("new Argon2PasswordEncoder\\("), "Argon2id",
				Pattern.compile("new BCryptPasswordEncoder\\("), "BCrypt",
				Pattern.compile("HashingAlgorithm\\.(SHA\\d+)"), "HMAC-",
				Pattern.compile("\\.webAuthn\\("), "WebAuthn",
				Pattern.compile("new SecureRandom\\("), "SecureRandom");
		List<String> used = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				markers.forEach((marker, name) -> {
					Matcher found = marker.matcher(source);
					while (found.find()) {
						used.add(found.groupCount() == 0 ? name : name + found.group(1));
					}
				});
			}
		}
		assertThat(used).as("algorithms named in the code").contains("Argon2id", "SHA-256", "HMAC-SHA1");
		List<String> inventory = codes(section("### Keys, algorithms and secrets"));
		assertThat(inventory).as("algorithms in the inventory").containsAll(used);
	}

	/** The text of a section of the page, from its heading to the next heading. */
	private static String section(String heading) throws IOException {
		String page = Files.readString(PAGE);
		int start = page.indexOf(heading);
		assertThat(start).as("section %s of %s", heading, PAGE).isNotNegative();
		int end = page.indexOf("\n#", start + heading.length());
		return page.substring(start, end < 0 ? page.length() : end);
	}

	private static List<String> rowsOf(String section) {
		return section.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| limit ")).toList();
	}

	private static List<String> codes(String text) {
		List<String> codes = new ArrayList<>();
		Matcher code = CODE.matcher(text);
		while (code.find()) {
			codes.add(code.group(1));
		}
		return codes;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}
}
