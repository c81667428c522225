package org.taexchange.matching;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.taexchange.participants.Directory;

/**
 * Turns explanations into sentences in the reader's language. Names of areas, languages, ways of
 * working, participants and regions are looked up when the page is drawn, so an explanation written
 * years ago reads in today's words and in whichever language the reader chose.
 */
@Component
class Explanations {

	private final MessageSource messages;

	private final Directory directory;

	Explanations(MessageSource messages, Directory directory) {
		this.messages = messages;
		this.directory = directory;
	}

	/** A writer for one page: the names it needs are read once. */
	Writer writer(Locale locale) {
		return new Writer(locale, this.directory.expertiseAreaNames(locale), this.directory.participantNames(locale));
	}

	/** Writes the sentences of one page. */
	final class Writer {

		private final Locale locale;

		private final Map<String, String> areas;

		private final Map<String, String> participants;

		private Writer(Locale locale, Map<String, String> areas, Map<String, String> participants) {
			this.locale = locale;
			this.areas = areas;
			this.participants = participants;
		}

		String sentence(Reason reason) {
			Object[] arguments = reason.arguments().stream().map(this::argument).toArray();
			return Explanations.this.messages.getMessage(reason.key(), arguments, this.locale);
		}

		List<String> sentences(List<Reason> reasons) {
			return reasons.stream().map(this::sentence).toList();
		}

		/** The sentence of an exclusion kept only by its key. */
		String exclusion(String key) {
			return Explanations.this.messages.getMessage(key + ".short", null, this.locale);
		}

		String partName(Part part) {
			return Explanations.this.messages.getMessage("match.partName." + part, null, this.locale);
		}

		private Object argument(String typed) {
			int colon = typed.indexOf(':');
			if (colon < 0) {
				return typed;
			}
			String type = typed.substring(0, colon);
			String value = typed.substring(colon + 1);
			return switch (type) {
				case "n" -> NumberFormat.getIntegerInstance(this.locale).format(Long.parseLong(value));
				case "msg" -> Explanations.this.messages.getMessage(value, null, value, this.locale);
				case "area" -> this.areas.getOrDefault(value, value);
				case "region" -> region(value);
				case "area*" -> list(value, code -> this.areas.getOrDefault(code, code));
				case "lang*" -> list(value, code -> Directory.languageName(code, this.locale));
				case "modality*" -> list(value, code -> Explanations.this.messages.getMessage("modality." + code, null,
						code, this.locale));
				case "part*" -> list(value, code -> this.participants.getOrDefault(code, code));
				case "region*" -> list(value, this::region);
				default -> typed;
			};
		}

		private String region(String name) {
			return Explanations.this.messages.getMessage("region." + name, null, name, this.locale);
		}

		private String list(String codes, java.util.function.Function<String, String> name) {
			if (codes.isEmpty()) {
				return "";
			}
			List<String> names = Arrays.stream(codes.split(",")).map(name).toList();
			if (names.size() == 1) {
				return names.get(0);
			}
			String and = Explanations.this.messages.getMessage("match.and", null, this.locale);
			return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " " + and + " "
					+ names.get(names.size() - 1);
		}
	}
}
