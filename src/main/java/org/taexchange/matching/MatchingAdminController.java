package org.taexchange.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.accounts.AccountUser;
import org.taexchange.audit.DecisionMade;

/** The coordinators' matching pages: a request's suggestions, the global plan, and the board of matches. */
@Controller
class MatchingAdminController {

	static final int PAGE_SIZE = 25;

	private final Suggestions suggestions;

	private final Planning planning;

	private final MatchPages pages;

	private final Explanations explanations;

	MatchingAdminController(Suggestions suggestions, Planning planning, MatchPages pages, Explanations explanations) {
		this.suggestions = suggestions;
		this.planning = planning;
		this.pages = pages;
		this.explanations = explanations;
	}

	@GetMapping("/admin/requests/{reference}/matching")
	String suggestions(@PathVariable String reference, Model model, Locale locale) {
		model.addAttribute("page", this.suggestions.page(reference, locale));
		return "matching/suggestions";
	}

	/** Proposes a suggestion, or, with a reason, an offer picked by hand. */
	@PostMapping("/admin/requests/{reference}/matching")
	String propose(@PathVariable String reference, @RequestParam(required = false) Long offer,
			@RequestParam(defaultValue = "false") boolean byHand, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AccountUser coordinator, Model model, Locale locale, RedirectAttributes redirect) {
		String error = offer == null ? "match.propose.offerRequired"
				: byHand && (reason == null || reason.isBlank()) ? "match.propose.reasonRequired"
						: reason != null && reason.length() > DecisionMade.REASON_LENGTH ? "match.propose.reasonTooLong" : null;
		if (error != null) {
			model.addAttribute("page", this.suggestions.page(reference, locale));
			model.addAttribute("proposeError", error);
			model.addAttribute("typedReason", reason);
			model.addAttribute("pickedOffer", offer);
			return "matching/suggestions";
		}
		Match match = this.suggestions.propose(reference, offer, MatchOrigin.SUGGESTION, byHand ? reason : null,
				coordinator.getUsername());
		redirect.addFlashAttribute("flash", "flash.match.proposed");
		return "redirect:/matches/" + match.getId();
	}

	@GetMapping("/admin/plan")
	String plan(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		model.addAttribute("plan", this.planning.page(locale, page));
		return "matching/plan";
	}

	@PostMapping("/admin/plan")
	String proposePlan(@RequestParam(name = "row", required = false) List<String> rows,
			@AuthenticationPrincipal AccountUser coordinator, RedirectAttributes redirect) {
		if (rows == null || rows.isEmpty()) {
			redirect.addFlashAttribute("flash", "flash.plan.nothingSelected");
			return "redirect:/admin/plan";
		}
		Planning.Outcome outcome = this.planning.propose(rows, coordinator.getUsername());
		redirect.addFlashAttribute("planOutcome", outcome);
		return "redirect:/admin/matches?status=PROPOSED";
	}

	@GetMapping("/admin/matches")
	String board(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model) {
		MatchStatus chosen = Arrays.stream(MatchStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		model.addAttribute("board", this.pages.board(chosen, overdue, page, PAGE_SIZE));
		model.addAttribute("status", chosen);
		model.addAttribute("overdue", overdue);
		model.addAttribute("statuses", MatchStatus.values());
		return "matching/board";
	}

	@ExceptionHandler(Suggestions.MatchInProgress.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView inProgress() {
		ModelAndView view = new ModelAndView("error/409");
		view.addObject("reason", "matchInProgress");
		return view;
	}
}
