package org.taexchange.offers;

import java.util.Locale;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Directory;
import org.taexchange.participants.Modality;

/** The catalogue of published offers, and the page of one offer. */
@Controller
class CatalogueController {

	static final int PAGE_SIZE = 20;

	private final OfferCatalogue catalogue;

	private final Directory directory;

	private final VettingDeadline deadline;

	CatalogueController(OfferCatalogue catalogue, Directory directory, VettingDeadline deadline) {
		this.deadline = deadline;
		this.catalogue = catalogue;
		this.directory = directory;
	}

	@GetMapping("/offers")
	String catalogue(@ModelAttribute("filter") CatalogueFilter filter, BindingResult ignoredUnknownValues,
			@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		Page<Offer> offers = this.catalogue.search(filter, page, PAGE_SIZE);
		model.addAttribute("page", offers);
		model.addAttribute("areaGroups", this.directory.expertiseAreaGroups(locale));
		model.addAttribute("areaNames", this.directory.expertiseAreaNames(locale));
		model.addAttribute("languages", this.directory.workingLanguages(locale));
		model.addAttribute("modalities", Modality.values());
		model.addAttribute("fundings", OfferFunding.values());
		model.addAttribute("organisations", this.directory.organisationsById());
		return "offers/catalogue";
	}

	@GetMapping("/offers/{reference}")
	String offer(@PathVariable String reference, @AuthenticationPrincipal AccountUser user, Model model,
			Locale locale) {
		Offer offer = this.catalogue.visible(OfferViews.reference(reference), user);
		this.deadline.describe(offer, model);
		return OfferViews.show(offer, this.catalogue.seesDeclaration(offer, user), false, this.directory, model, locale);
	}
}
