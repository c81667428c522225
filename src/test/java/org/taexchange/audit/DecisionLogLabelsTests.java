package org.taexchange.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action a decision is logged with has its words on {@code /admin/log}, in English and French: a
 * new decision written into the code without them would show as {@code ??log.action.…??}.
 */
class DecisionLogLabelsTests {

	/** A decision recorded directly, or through an aggregate's helper that records one. */
	private static final Pattern DECISION = Pattern.compile("(?:new DecisionMade|\\bdecide)\\(([^;]*);");

	private static final Pattern CONSTANT = Pattern.compile("\"([A-Z][A-Z_]{2,})\"");

	@Test
	void everyLoggedActionHasItsWordsInEnglishAndFrench() throws IOException {
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher decision = DECISION.matcher(Files.readString(file));
				while (decision.find()) {
					Matcher constant = CONSTANT.matcher(decision.group(1));
					while (constant.find()) {
						actions.add(constant.group(1));
					}
				}
			}
		}
		assertThat(actions).as("actions written in the code").contains("REGISTERED", "DISABLED", "ENABLED");
		for (String bundle : new String[] { "messages.properties", "messages_fr.properties" }) {
			Properties messages = new Properties();
			try (Reader in = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
				messages.load(in);
			}
			assertThat(actions.stream()
				.filter(action -> !messages.containsKey("log.action." + action)
						&& !messages.containsKey("log.subject." + action))
				.toList()).as("actions without words in %s", bundle).isEmpty();
		}
	}
}
