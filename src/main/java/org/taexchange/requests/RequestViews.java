package org.taexchange.requests;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.ui.Model;

import org.taexchange.participants.Directory;
import org.taexchange.platform.NotFound;

/** What the pages that show a request need beside the request: names in the reader's language. */
final class RequestViews {

	private RequestViews() {
	}

	/** Names of participants, areas and languages for showing requests, in one query each. */
	static void describe(AssistanceRequest request, Directory directory, Locale locale, Model model) {
		model.addAttribute("participantNames", directory.participantNames(locale));
		model.addAttribute("areaNames", directory.expertiseAreaNames(locale));
		Map<String, String> languages = new LinkedHashMap<>();
		if (request != null) {
			request.getWorkingLanguages().forEach(code -> languages.put(code, Directory.languageName(code, locale)));
		}
		model.addAttribute("languageNames", languages);
	}

	/** The reference in an address; one that cannot exist is simply not found. */
	static ReferenceNumber reference(String value) {
		if (!ReferenceNumber.isValid(value)) {
			throw new NotFound("request");
		}
		return new ReferenceNumber(value);
	}
}
