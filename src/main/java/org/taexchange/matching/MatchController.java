package org.taexchange.matching;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.accounts.AccountUser;
import org.taexchange.audit.DecisionMade;
import org.taexchange.matching.MatchLifecycle.Step;
import org.taexchange.platform.NotFound;

/** A match's page for each of its sides, the steps they take on it, and each person's list of matches. */
@Controller
class MatchController {

	private final MatchPages pages;

	private final MatchLifecycle lifecycle;

	private final Explanations explanations;

	MatchController(MatchPages pages, MatchLifecycle lifecycle, Explanations explanations) {
		this.pages = pages;
		this.lifecycle = lifecycle;
		this.explanations = explanations;
	}

	@GetMapping("/matches")
	String mine(@AuthenticationPrincipal AccountUser user, Model model) {
		List<Match> matches = this.pages.mine(user);
		model.addAttribute("matches", matches);
		model.addAttribute("overdue", this.pages.overdueAmong(matches));
		return "matching/mine";
	}

	@GetMapping("/matches/{id}")
	String match(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		return show(this.pages.match(id, user), model, locale);
	}

	private String show(MatchPages.Shown shown, Model model, Locale locale) {
		Explanations.Writer writer = this.explanations.writer(locale);
		model.addAttribute("shown", shown);
		model.addAttribute("steps", stepsFor(shown.side(), shown.match().getStatus()));
		model.addAttribute("paths", PATHS);
		model.addAttribute("m", shown.match());
		model.addAttribute("lines", shown.match()
			.getParts()
			.stream()
			.map(p -> new Shown.Line(writer.partName(p.part()), p.points(), p.max(), writer.sentence(p.reason())))
			.toList());
		model.addAttribute("exclusions", shown.match().getExcludedBecause().stream().map(writer::exclusion).toList());
		return "matching/match";
	}

	private static final java.util.Map<Step, String> PATHS = java.util.Map.of(Step.APPROVE, "approve", Step.REJECT,
			"reject", Step.CANCEL, "cancel", Step.START_DELIVERY, "start-delivery", Step.COMPLETE, "complete",
			Step.ACCEPT, "accept", Step.DECLINE_OFFER, "decline-offer", Step.CONFIRM, "confirm", Step.DECLINE_MATCH,
			"decline");

	/** The steps this side can take on a match in this status. */
	static List<Step> stepsFor(MatchLifecycle.Side side, MatchStatus status) {
		return switch (side) {
			case COORDINATOR -> switch (status) {
				case PROPOSED -> List.of(Step.APPROVE, Step.REJECT, Step.CANCEL);
				case APPROVED, ACCEPTED -> List.of(Step.CANCEL);
				case CONFIRMED -> List.of(Step.START_DELIVERY, Step.CANCEL);
				case IN_DELIVERY -> List.of(Step.COMPLETE, Step.CANCEL);
				default -> List.of();
			};
			case PROVIDER -> status == MatchStatus.APPROVED ? List.of(Step.ACCEPT, Step.DECLINE_OFFER) : List.of();
			case REQUESTER -> status == MatchStatus.ACCEPTED ? List.of(Step.CONFIRM, Step.DECLINE_MATCH) : List.of();
		};
	}

	@PostMapping("/matches/{id}/{step}")
	String take(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal AccountUser user, Model model,
			Locale locale, RedirectAttributes redirect) {
		Step chosen = PATHS.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(step))
			.map(java.util.Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new NotFound("step"));
		if (version == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No version");
		}
		if (chosen.needsReason && (reason == null || reason.isBlank()
				|| reason.length() > DecisionMade.REASON_LENGTH)) {
			MatchPages.Shown shown = this.pages.match(id, user);
			model.addAttribute("failedStep", chosen);
			model.addAttribute("typedReason", reason);
			return show(shown, model, locale);
		}
		this.lifecycle.take(id, version, chosen, reason, user);
		redirect.addFlashAttribute("flash", "flash.match." + chosen);
		return "redirect:/matches/" + id;
	}

	@ExceptionHandler(MatchLifecycle.NoCapacityLeft.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView noCapacityLeft(HttpServletRequest request) {
		ModelAndView view = new ModelAndView("error/409");
		view.addObject("reason", "noCapacity");
		String path = request.getRequestURI();
		view.addObject("back", path.substring(request.getContextPath().length(), path.lastIndexOf('/')));
		return view;
	}
}
