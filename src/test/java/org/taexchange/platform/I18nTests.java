package org.taexchange.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible word comes from the message files, and the languages have the same keys. */
class I18nTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "value",
			"label");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{'?([A-Za-z0-9_.]+)'?[}(]");

	@Test
	void localeFilesHaveTheSameKeys() {
		Properties english = load("messages.properties");
		Properties french = load("messages_fr.properties");
		assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@Test
	void noMessageIsLeftUntranslatedOrEmpty() {
		Properties english = load("messages.properties");
		Properties french = load("messages_fr.properties");
		Set<String> sameInBoth = Set.of("app.name", "nav.plan", "suggestions.scoreOf", "match.partName.EXPERTISE",
				"match.points", "suggestions.pickScored", "nav.notifications", "notifications.title",
				"notifications.heading", "region.Europe", "vetting.organisation", "offer.description",
				"offer.reachParticipants", "offer.experts.count", "language.autonym.en", "language.autonym.fr", "pager.label",
				"nav.participants", "nav.organisations", "adminParticipants.heading", "adminOrganisations.heading",
				"participant.type", "organisation.type", "adminOrganisations.title", "adminParticipants.title",
				"organisation.type.INDUSTRY", "log.subject.ORGANISATION", "log.subject.PARTICIPANT", "admin.pages",
				"register.organisation", "participant.code", "digest.line");
		List<String> untranslated = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			assertThat(english.getProperty(key)).as(key).isNotBlank();
			if (english.getProperty(key).equals(french.getProperty(key)) && !sameInBoth.contains(key)) {
				untranslated.add(key);
			}
		}
		assertThat(untranslated).as("French texts identical to English").isEmpty();
	}

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				boolean textFromMessages = element.hasAttr("th:text") || element.hasAttr("th:utext")
						|| element.hasAttr("th:errors");
				if (!textFromMessages && !isInsideTextReplacingElement(element)) {
					for (TextNode text : element.textNodes()) {
						if (!text.text().isBlank() && !text.text().strip().matches("[\\p{Punct}\\s–→·]*")) {
							problems.add(TEMPLATES.relativize(template) + ": text \"" + text.text().strip() + "\"");
						}
					}
				}
				for (String attribute : TEXT_ATTRIBUTES) {
					if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()
							&& !(attribute.equals("value") && !isVisibleValue(element))) {
						problems.add(TEMPLATES.relativize(template) + ": attribute " + attribute + "=\""
								+ element.attr(attribute) + "\"");
					}
				}
			}
		}
		assertThat(problems).as("hard-coded text in templates").isEmpty();
	}

	@Test
	void everyMessageKeyUsedInTemplatesExists() throws IOException {
		Properties english = load("messages.properties");
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				String key = matcher.group(1);
				boolean prefix = key.endsWith(".");
				if (prefix ? english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key))
						: !english.containsKey(key)) {
					missing.add(TEMPLATES.relativize(template) + ": " + key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static boolean isInsideTextReplacingElement(Element element) {
		for (Element parent : element.parents()) {
			if (parent.hasAttr("th:text") || parent.hasAttr("th:utext")) {
				return true;
			}
		}
		return false;
	}

	/** Button-like inputs show their value; hidden and option values are data, not text. */
	private static boolean isVisibleValue(Element element) {
		String type = element.attr("type");
		return element.tagName().equals("input") && (type.equals("submit") || type.equals("button"));
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = I18nTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}
}
