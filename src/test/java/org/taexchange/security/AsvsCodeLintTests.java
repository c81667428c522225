package org.taexchange.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASVS requirements kept by how the code and the image are written, checked on their text (as
 * {@link TemplateLintTests} does for templates): patterns and format strings are constants, nothing
 * deserializes Java objects, hashes are SHA-256 or stronger, secrets come from {@code SecureRandom},
 * and the image carries no source-control metadata.
 */
class AsvsCodeLintTests {

	private static final Path SOURCES = Path.of("src/main/java");

	/** A constant: string literals, upper-case constant names and {@code +} between them. */
	private static final String CONSTANT = "(?:\"(?:[^\"\\\\]|\\\\.)*\"|[A-Z][A-Z0-9_]*)(?:\\s*\\+\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|[A-Z][A-Z0-9_]*))*";

	/** Calls that take a regular expression as their first argument. */
	private static final Pattern REGEX_CALL = Pattern.compile(
			"(?:Pattern\\.compile|\\.matches|\\.replaceAll|\\.replaceFirst|\\.split)\\(\\s*(?!\\))(" + CONSTANT + "|[^,)]*)");

	private static Map<Path, String> sources;

	@BeforeAll
	static void readSources() throws IOException {
		sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				sources.put(SOURCES.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		assertThat(sources).as("sources found").hasSizeGreaterThan(100);
	}

	/**
	 * V1.2.9: no regular expression is built from what a person typed, so nothing needs escaping:
	 * every pattern handed to {@code Pattern.compile}, {@code matches}, {@code replaceAll},
	 * {@code replaceFirst} or {@code split} is a literal or a constant. ({@code matches} on a
	 * {@code Matcher}, a request matcher or a password encoder takes no pattern and is left out.)
	 */
	@Test
	void everyRegularExpressionIsAConstantNeverBuiltFromInput() {
		List<String> found = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		sources.forEach((path, text) -> {
			Matcher call = REGEX_CALL.matcher(text);
			while (call.find()) {
				String argument = call.group(1).strip();
				boolean onAnEncoder = text.substring(Math.max(0, call.start() - 8), call.start()).endsWith("ncoder");
				if (call.group().contains(".matches(") && !argument.startsWith("\"")
						&& (argument.contains("request") || argument.contains("Password") || argument.isEmpty()
								|| onAnEncoder)) {
					continue; // RequestMatcher.matches(request), PasswordEncoder.matches(raw, hash)
				}
				found.add(path + ": " + call.group());
				if (!argument.matches(CONSTANT)) {
					offending.add(path + ": " + call.group());
				}
			}
		});
		assertThat(found).as("pattern calls found").hasSizeGreaterThan(10);
		assertThat(offending).as("patterns that are not constants").isEmpty();
	}

	/** V1.3.10: every format string is a literal; what a person typed is only ever an argument. */
	@Test
	void everyFormatStringIsALiteral() {
		Pattern format = Pattern.compile("(?:String\\.format|\\.printf|MessageFormat\\.format|\\.format)\\(([^;]*)");
		Pattern formatted = Pattern.compile("(\\S+)\\s*\\.formatted\\(");
		List<String> found = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		sources.forEach((path, text) -> {
			Matcher call = format.matcher(text);
			while (call.find()) {
				if (!call.group().startsWith("String.format") && !call.group().startsWith("MessageFormat")
						&& !call.group().startsWith(".printf")) {
					continue; // formatters of dates and numbers take a value, not a format string
				}
				found.add(path + ": " + call.group());
				String firstStringArgument = call.group(1).replaceFirst("^\\s*(?:java\\.util\\.)?Locale\\.[A-Z]+\\s*,\\s*",
						"");
				if (!firstStringArgument.startsWith("\"")) {
					offending.add(path + ": " + call.group());
				}
			}
			Matcher receiver = formatted.matcher(text);
			while (receiver.find()) {
				found.add(path + ": " + receiver.group());
				if (!receiver.group(1).endsWith("\"") && !receiver.group(1).matches("[A-Z][A-Z0-9_]*")) {
					offending.add(path + ": " + receiver.group());
				}
			}
		});
		assertThat(found).as("format calls found").isNotEmpty();
		assertThat(offending).as("format strings that are not literals").isEmpty();
	}

	/**
	 * V1.5.2: nothing reads serialized Java objects or lets a JSON or XML document choose the class it
	 * becomes; forms bind field by field to form objects.
	 */
	@Test
	void nothingDeserializesJavaObjectsOrLetsADocumentChooseItsClass() {
		List<String> offending = new ArrayList<>();
		sources.forEach((path, text) -> {
			for (String forbidden : List.of("ObjectInputStream", "readObject(", "readUnshared(", "XMLDecoder",
					"SerializationUtils", "enableDefaultTyping", "activateDefaultTyping", "@JsonTypeInfo",
					"XStream", "Yaml(")) {
				if (text.contains(forbidden)) {
					offending.add(path + ": " + forbidden);
				}
			}
		});
		assertThat(offending).as("deserialization of untrusted data").isEmpty();
	}

	/**
	 * V11.2.3, V11.4.3: every digest the portal computes is SHA-256 or stronger (no MD5, no SHA-1);
	 * the only SHA-1 is the HMAC inside authenticator codes, which RFC 6238 and the apps fix.
	 */
	@Test
	void everyDigestIsSha256OrStrongerAndNoneIsMd5OrSha1() {
		Pattern digest = Pattern.compile("MessageDigest\\.getInstance\\(\\s*\"([^\"]+)\"");
		List<String> algorithms = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		sources.forEach((path, text) -> {
			Matcher call = digest.matcher(text);
			while (call.find()) {
				algorithms.add(call.group(1));
				if (!call.group(1).matches("SHA-(256|384|512)|SHA3-(256|384|512)")) {
					offending.add(path + ": " + call.group(1));
				}
			}
			if (text.contains("MessageDigest.getInstance(") && !digest.matcher(text).find()) {
				offending.add(path + ": a digest whose algorithm is not a literal");
			}
			for (String weak : List.of("\"MD5\"", "\"MD2\"", "\"SHA-1\"", "\"SHA1\"", "DigestUtils.md5", "DigestUtils.sha1",
					"Hashing.md5", "Hashing.sha1", "\"HmacMD5\"", "\"DES/", "\"DESede", "\"RC4\"", "/ECB/")) {
				if (text.contains(weak)) {
					offending.add(path + ": " + weak);
				}
			}
		});
		assertThat(algorithms).as("digests found").isNotEmpty();
		assertThat(offending).as("weak or unknown digests").isEmpty();
	}

	/**
	 * V6.5.3, V11.5.1: code that makes secrets (accounts, security, rate limits) uses only
	 * {@code SecureRandom}; {@code java.util.Random} is left to the demo data generator of matching.
	 */
	@Test
	void onlySecureRandomMakesValuesOutsideTheDemoMarketGenerator() {
		List<String> offending = new ArrayList<>();
		sources.forEach((path, text) -> {
			boolean demoMarket = path.toString().replace('\\', '/').equals("org/taexchange/matching/MarketGenerator.java");
			for (String weak : List.of("new Random(", "java.util.Random;", "Math.random(", "ThreadLocalRandom",
					"SplittableRandom", "RandomStringUtils", "UUID.randomUUID().toString().substring")) {
				if (text.contains(weak) && !demoMarket) {
					offending.add(path + ": " + weak);
				}
			}
		});
		assertThat(offending).as("predictable random numbers").isEmpty();
		assertThat(sources.get(Path.of("org/taexchange/accounts/OneTimeToken.java"))).as("mailed tokens")
			.contains("new SecureRandom()");
	}

	/**
	 * V13.4.1: the image holds the built jar and nothing of the repository's history: the build
	 * context leaves {@code .git} out, and the run stage copies only the jar.
	 */
	@Test
	void theImageCarriesNoSourceControlMetadata() throws IOException {
		List<String> ignored = Files.readAllLines(Path.of(".dockerignore"))
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(ignored).as(".dockerignore").anyMatch(line -> line.matches("/?\\.git/?\\*{0,2}"));
		List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
		List<String> copies = dockerfile.stream().map(String::strip).filter(line -> line.startsWith("COPY")).toList();
		assertThat(copies).as("COPY lines").isNotEmpty();
		assertThat(copies).as("COPY lines of the whole build context").noneMatch(line -> line.matches("COPY\\s+\\.\\s+.*"));
		int runStage = 0;
		for (int i = 0; i < dockerfile.size(); i++) {
			if (dockerfile.get(i).strip().startsWith("FROM")) {
				runStage = i;
			}
		}
		assertThat(dockerfile.subList(runStage, dockerfile.size()).stream()
			.map(String::strip)
			.filter(line -> line.startsWith("COPY") || line.startsWith("ADD"))
			.toList()).as("what the run stage copies")
			.singleElement()
			.asString()
			.matches("COPY --from=build \\S+\\.jar \\S+\\.jar");
	}
}
