package org.taexchange.offers;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.accounts.AccountUser;
import org.taexchange.audit.DecisionMade;
import org.taexchange.offers.Vetting.Decision;
import org.taexchange.participants.Directory;
import org.taexchange.platform.NotFound;

/** Coordinators vet offers: the list, and publish, ask for changes or decline. */
@Controller
class VettingController {

	static final int PAGE_SIZE = 25;

	private final Vetting vetting;

	private final Directory directory;

	private final VettingDeadline deadline;

	VettingController(Vetting vetting, Directory directory, VettingDeadline deadline) {
		this.vetting = vetting;
		this.directory = directory;
		this.deadline = deadline;
	}

	@GetMapping("/admin/offers")
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) Long organisation,
			@RequestParam(defaultValue = "0") int page, Model model) {
		OfferStatus chosen = statusIn(status);
		var offers = this.vetting.queue(chosen, organisation, page, PAGE_SIZE);
		model.addAttribute("page", offers);
		model.addAttribute("overdueIds", this.deadline.overdueAmong(offers.getContent()));
		model.addAttribute("status", chosen);
		model.addAttribute("organisation", organisation);
		model.addAttribute("statuses", java.util.Arrays.stream(OfferStatus.values())
			.filter(s -> s != OfferStatus.DRAFT)
			.toList());
		model.addAttribute("organisations", this.directory.organisationsById());
		model.addAttribute("activeOrganisations", this.directory.activeOrganisations());
		return "offers/admin-queue";
	}

	@GetMapping("/admin/offers/{reference}")
	String offer(@PathVariable String reference, Model model, Locale locale) {
		Offer offer = this.vetting.offer(OfferViews.reference(reference));
		this.deadline.describe(offer, model);
		return OfferViews.show(offer, true, true, this.directory, model, locale);
	}

	@PostMapping("/admin/offers/{reference}/{decision}")
	String decide(@PathVariable String reference, @PathVariable String decision,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String text,
			@AuthenticationPrincipal AccountUser coordinator, Model model, Locale locale,
			RedirectAttributes redirect) {
		OfferReference number = OfferViews.reference(reference);
		Decision chosen = switch (decision) {
			case "publish" -> Decision.PUBLISH;
			case "ask-changes" -> Decision.ASK_CHANGES;
			case "decline" -> Decision.DECLINE;
			default -> throw new NotFound("decision");
		};
		if (version == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No version");
		}
		if (chosen.needsText() && (text == null || text.isBlank() || text.length() > DecisionMade.REASON_LENGTH)) {
			model.addAttribute("failedDecision", chosen);
			model.addAttribute("typed", text);
			Offer offer = this.vetting.offer(number);
			this.deadline.describe(offer, model);
			return OfferViews.show(offer, true, true, this.directory, model, locale);
		}
		this.vetting.decide(number, version, coordinator, chosen, text);
		redirect.addFlashAttribute("flash", "flash.offer.decision." + chosen);
		return "redirect:/admin/offers/" + number;
	}

	private static OfferStatus statusIn(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OfferStatus.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
