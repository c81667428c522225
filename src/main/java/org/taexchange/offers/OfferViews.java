package org.taexchange.offers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.ui.Model;

import org.taexchange.participants.Directory;
import org.taexchange.platform.NotFound;

/** What the pages that show an offer need beside the offer: names in the reader's language. */
final class OfferViews {

	private OfferViews() {
	}

	/** The reference in an address; one that cannot exist is simply not found. */
	static OfferReference reference(String value) {
		if (!OfferReference.isValid(value)) {
			throw new NotFound("offer");
		}
		return new OfferReference(value);
	}

	/** The offer's page: for its provider and coordinators with the declaration, for coordinators with their decisions. */
	static String show(Offer offer, boolean withDeclaration, boolean forCoordinators, Directory directory, Model model,
			Locale locale) {
		model.addAttribute("offer", offer);
		model.addAttribute("withDeclaration", withDeclaration);
		model.addAttribute("admin", forCoordinators);
		model.addAttribute("organisation", directory.organisation(offer.getOrganisationId()).orElse(null));
		model.addAttribute("participantNames", directory.participantNames(locale));
		model.addAttribute("areaNames", directory.expertiseAreaNames(locale));
		Map<String, String> languages = new LinkedHashMap<>();
		offer.getWorkingLanguages().forEach(code -> languages.put(code, Directory.languageName(code, locale)));
		offer.getExpertsLanguages().forEach(code -> languages.put(code, Directory.languageName(code, locale)));
		model.addAttribute("languageNames", languages);
		return "offers/detail";
	}
}
