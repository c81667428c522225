package org.taexchange.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates keep to the rules that keep pages safe, checked on their text: nothing is written
 * unescaped, expressions are preprocessed only from names the templates themselves spell out, and
 * every form that posts gets its CSRF token from {@code th:action}.
 */
class TemplateLintTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern PREPROCESSED = Pattern.compile("__\\$\\{([^}]*)}__");

	private static final Pattern FRAGMENT = Pattern.compile("th:fragment=\"(\\w+)\\(([^)]*)\\)\"");

	private static final Pattern CALL = Pattern.compile("::\\s*(\\w+)\\(");

	private static Map<Path, String> templates;

	@BeforeAll
	static void readTemplates() throws IOException {
		templates = new HashMap<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				templates.put(TEMPLATES.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		assertThat(templates).as("templates found").hasSizeGreaterThan(20);
	}

	@Test
	void nothingIsWrittenUnescaped() {
		templates.forEach((path, text) -> {
			assertThat(text).as("%s", path).doesNotContain("th:utext", "data-th-utext");
			boolean plainTextMail = path.startsWith("mail") && path.toString().endsWith(".txt");
			if (!plainTextMail) {
				assertThat(text).as("%s: [(…)] writes unescaped; only plain-text mails may use it", path)
					.doesNotContain("[(");
			}
		});
	}

	@Test
	void expressionsArePreprocessedOnlyFromFragmentParametersThatEveryCallGivesAsALiteral() {
		Map<String, Integer> literalParameters = new HashMap<>();
		templates.forEach((path, text) -> {
			Matcher preprocessed = PREPROCESSED.matcher(text);
			while (preprocessed.find()) {
				String name = preprocessed.group(1).strip();
				assertThat(name).as("%s: __${%s}__ must name a fragment parameter", path, name).matches("\\w+");
				int at = preprocessed.start();
				Matcher fragment = FRAGMENT.matcher(text);
				String fragmentName = null;
				List<String> parameters = List.of();
				while (fragment.find() && fragment.start() < at) {
					fragmentName = fragment.group(1);
					parameters = List.of(fragment.group(2).split("\\s*,\\s*"));
				}
				assertThat(parameters).as("%s: __${%s}__ outside a fragment with that parameter", path, name)
					.contains(name);
				literalParameters.put(fragmentName, parameters.indexOf(name));
			}
		});
		assertThat(literalParameters).as("fragments that preprocess a parameter").isNotEmpty();
		templates.forEach((path, text) -> {
			Matcher call = CALL.matcher(text);
			while (call.find()) {
				Integer position = literalParameters.get(call.group(1));
				if (position != null) {
					List<String> arguments = arguments(text, call.end());
					assertThat(arguments.get(position)).as("%s: argument %d of a call of %s", path, position, call.group(1))
						.matches("'[\\w.\\[\\]]+'");
				}
			}
		});
	}

	@Test
	void everyFormThatPostsHasThActionSoItCarriesTheCsrfToken() {
		List<String> checked = new ArrayList<>();
		templates.forEach((path, text) -> {
			if (!path.toString().endsWith(".html")) {
				return;
			}
			for (Element form : Jsoup.parse(text, "", Parser.htmlParser()).select("form")) {
				String method = form.hasAttr("th:method") ? form.attr("th:method") : form.attr("method");
				if (method.isEmpty() || method.equalsIgnoreCase("get")) {
					continue;
				}
				checked.add(path + " " + form.attr("th:action"));
				assertThat(form.hasAttr("th:action")).as("%s: a form posting without th:action: %s", path,
						form.outerHtml().lines().findFirst().orElse(""))
					.isTrue();
				assertThat(form.attr("th:action")).as("%s: the CSRF token goes in the body, not the address", path)
					.doesNotContain("_csrf");
				assertThat(form.hasAttr("action")).as("%s: a form with a fixed action besides th:action", path).isFalse();
			}
		});
		assertThat(checked).as("forms that post").hasSizeGreaterThan(20);
	}

	/** The arguments of the call whose parenthesis opened just before this position. */
	private static List<String> arguments(String text, int from) {
		List<String> arguments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int depth = 0;
		boolean quoted = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '{')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == '}')) {
				if (depth == 0) {
					arguments.add(current.toString().strip());
					return arguments;
				}
				depth--;
			}
			else if (!quoted && depth == 0 && c == ',') {
				arguments.add(current.toString().strip());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		throw new IllegalStateException("unclosed call");
	}
}
