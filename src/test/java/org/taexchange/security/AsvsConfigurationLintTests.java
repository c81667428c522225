package org.taexchange.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASVS requirements kept by the build and deployment files, checked on their text: where secrets
 * come from, where the build resolves from and its bill of materials, where logs go, and that the
 * README names every outside system the deployment connects to.
 */
class AsvsConfigurationLintTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Pattern COMPOSE_VARIABLE = Pattern.compile("^\\s+([A-Z][A-Z0-9_]*):\\s*(.*)$");

	/**
	 * V13.3.1: no secret is written in the repository: the settings files give secrets only as
	 * environment placeholders (with no default, or one marked dev-only that the prod profile refuses
	 * to start with), and compose takes every password and key from the environment,
	 * refusing to start without the ones it needs (an empty default means none, as for SMTP without
	 * authentication).
	 */
	@Test
	void secretsComeOnlyFromTheEnvironmentAndNoneIsWrittenInTheRepository() throws IOException {
		List<String> offending = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		try (Stream<Path> files = Files.list(RESOURCES)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties")).toList()) {
				Properties properties = new Properties();
				try (var in = Files.newBufferedReader(file)) {
					properties.load(in);
				}
				for (String name : properties.stringPropertyNames()) {
					String value = properties.getProperty(name).strip();
					if (!name.substring(name.lastIndexOf('.') + 1).matches(".*(password|secret|key|credentials|token)")) {
						continue;
					}
					checked.add(name);
					if (!value.isEmpty() && !value.matches("\\$\\{[A-Z][A-Z0-9_]*(:|:dev-only[^}]*)?}")) {
						offending.add(file.getFileName() + ": " + name);
					}
				}
			}
		}
		int secrets = 0;
		for (String line : Files.readAllLines(Path.of("docker-compose.yml"))) {
			Matcher variable = COMPOSE_VARIABLE.matcher(line);
			if (variable.matches() && variable.group(1).matches(".*(PASSWORD|SECRET|_KEY|TOKEN).*")) {
				secrets++;
				String value = variable.group(2).strip();
				if (!value.matches("\\$\\{[A-Z][A-Z0-9_]*(:\\?[^}]+|:-)}")) {
					offending.add("docker-compose.yml: " + variable.group(1) + " = " + value);
				}
			}
		}
		assertThat(checked).as("secret settings").contains("app.admin.password", "app.security.second-factor-key");
		assertThat(secrets).as("passwords and keys in docker-compose.yml").isGreaterThanOrEqualTo(4);
		assertThat(offending).as("secrets written in the repository").isEmpty();
	}

	/**
	 * V15.1.2: components come from Maven Central only (no other repository in the build, the wrapper's
	 * Maven from Central too), and every package build writes a CycloneDX bill of materials.
	 */
	@Test
	void theBuildResolvesOnlyFromMavenCentralAndWritesABillOfMaterials() throws IOException {
		Document pom = Jsoup.parse(Files.readString(Path.of("pom.xml")), "", Parser.xmlParser());
		assertThat(pom.select("repositories > repository, pluginRepositories > pluginRepository"))
			.as("repositories besides Maven Central")
			.isEmpty();
		assertThat(pom.select("distributionManagement")).as("distribution management").isEmpty();
		Properties wrapper = new Properties();
		try (var in = Files.newBufferedReader(Path.of(".mvn/wrapper/maven-wrapper.properties"))) {
			wrapper.load(in);
		}
		assertThat(wrapper.getProperty("distributionUrl")).as("where the wrapper fetches Maven")
			.startsWith("https://repo.maven.apache.org/maven2/");
		var bom = pom.select("build > plugins > plugin")
			.stream()
			.filter(plugin -> plugin.select("> artifactId").text().equals("cyclonedx-maven-plugin"))
			.toList();
		assertThat(bom).as("the CycloneDX plugin").hasSize(1);
		assertThat(bom.get(0).select("executions > execution > phase").eachText()).as("when it runs").contains("package");
		assertThat(bom.get(0).select("executions > execution goal").eachText()).as("what it writes")
			.containsAnyOf("makeAggregateBom", "makeBom");
	}

	/**
	 * V16.2.3: logs go to the documented places only, standard output (the container's log) and the
	 * PostgreSQL tables of the security trail and the decision log: no log file, no network appender,
	 * no logging configuration of its own that could add one.
	 */
	@Test
	void logsGoOnlyToStandardOutputAndNoFileOrNetworkAppenderIsConfigured() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			assertThat(files.map(f -> f.getFileName().toString()).toList()).as("logging configuration files")
				.noneMatch(name -> name.matches("(logback|logback-spring|log4j2|log4j2-spring|logging)\\.(xml|groovy|properties|yaml|yml)"));
		}
		List<Path> settings = new ArrayList<>();
		try (Stream<Path> files = Files.list(RESOURCES)) {
			settings.addAll(files.filter(f -> f.getFileName().toString().matches("application.*\\.(properties|ya?ml)")).toList());
		}
		assertThat(settings).as("settings files").isNotEmpty();
		for (Path file : settings) {
			assertThat(Files.readAllLines(file)).as("%s", file.getFileName())
				.noneMatch(line -> line.strip().matches("logging\\.(file|config|logback\\.rollingpolicy|structured\\.json).*"));
		}
		for (String table : List.of("security_event", "decision_log")) {
			try (Stream<Path> migrations = Files.list(RESOURCES.resolve("db/migration"))) {
				assertThat(migrations.anyMatch(m -> read(m).toLowerCase().contains("create table " + table)))
					.as("table %s of the trail", table)
					.isTrue();
			}
		}
	}

	/**
	 * V13.1.1: every outside system the deployment connects to (the database, the SMTP server) and the
	 * portal's own public address are named in the README's configuration table.
	 */
	@Test
	void theReadmeNamesEveryOutsideSystemTheDeploymentConnectsTo() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("## Configuration");
		assertThat(start).as("the README's configuration section").isNotNegative();
		String configuration = readme.substring(start, readme.indexOf("\n## ", start + 1));
		List<String> endpoints = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("docker-compose.yml"))) {
			Matcher variable = COMPOSE_VARIABLE.matcher(line);
			if (variable.matches() && variable.group(1).matches(".*_(URL|HOST)")) {
				endpoints.add(variable.group(1));
			}
		}
		assertThat(endpoints).as("addresses set in docker-compose.yml")
			.contains("SPRING_DATASOURCE_URL", "SPRING_MAIL_HOST");
		assertThat(endpoints).as("addresses the README's configuration table names")
			.allMatch(configuration::contains);
		assertThat(Files.readString(Path.of("docker-compose.yml"))).as("services of docker-compose.yml")
			.contains("image: postgres:17");
		assertThat(configuration).contains("PostgreSQL", "SMTP");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
