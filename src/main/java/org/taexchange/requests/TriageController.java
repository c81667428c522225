package org.taexchange.requests;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Directory;
import org.taexchange.platform.NotFound;
import org.taexchange.requests.Triage.Decision;

/** The coordinators' triage queue and their decisions on a request. */
@Controller
class TriageController {

	static final int PAGE_SIZE = 25;

	private final Triage triage;

	private final RequestFollowUp followUp;

	private final TriageDeadline deadline;

	private final Directory directory;

	private final RequestDetailPage detailPage;

	TriageController(Triage triage, RequestFollowUp followUp, TriageDeadline deadline, Directory directory,
			RequestDetailPage detailPage) {
		this.triage = triage;
		this.followUp = followUp;
		this.deadline = deadline;
		this.directory = directory;
		this.detailPage = detailPage;
	}

	@GetMapping("/admin/requests")
	String queue(@ModelAttribute("filter") QueueFilter filter, BindingResult ignoredUnknownValues,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
			Model model, Locale locale) {
		int pageSize = Math.min(Math.max(size, 1), 100);
		Page<AssistanceRequest> requests = this.triage.queue(filter, page, pageSize);
		model.addAttribute("page", requests);
		model.addAttribute("overdueIds", this.deadline.overdueAmong(requests.getContent()));
		model.addAttribute("size", pageSize);
		model.addAttribute("statuses", java.util.Arrays.stream(RequestStatus.values())
			.filter(status -> status != RequestStatus.DRAFT)
			.toList());
		model.addAttribute("participants", this.directory.activeParticipants(locale));
		model.addAttribute("participantNames", this.directory.participantNames(locale));
		model.addAttribute("areaGroups", this.directory.expertiseAreaGroups(locale));
		model.addAttribute("areaNames", this.directory.expertiseAreaNames(locale));
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("orders", QueueFilter.Order.values());
		return "requests/admin-queue";
	}

	@GetMapping("/admin/requests/{reference}")
	String request(@PathVariable String reference, @AuthenticationPrincipal AccountUser coordinator, Model model,
			Locale locale) {
		AssistanceRequest request = this.followUp.visible(RequestViews.reference(reference), coordinator);
		if (!model.containsAttribute("message")) {
			MessageForm form = new MessageForm();
			form.setVersion(request.getVersion());
			model.addAttribute("message", form);
		}
		return show(request, model, locale);
	}

	@PostMapping("/admin/requests/{reference}/{decision}")
	String decide(@PathVariable String reference, @PathVariable String decision,
			@Valid @ModelAttribute("message") MessageForm form, BindingResult result,
			@AuthenticationPrincipal AccountUser coordinator, Model model, Locale locale, RedirectAttributes redirect) {
		ReferenceNumber number = RequestViews.reference(reference);
		Decision chosen = decisionIn(decision);
		if (form.getVersion() == null && chosen != Decision.MESSAGE) {
			// the page always sends the version it showed; without it the form was not ours
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No version");
		}
		if (chosen.needsText() && result.hasErrors() || !chosen.needsText() && result.hasFieldErrors("text")
				&& !"NotBlank".equals(result.getFieldError("text").getCode())) {
			model.addAttribute("failedDecision", chosen);
			return show(this.followUp.visible(number, coordinator), model, locale);
		}
		this.triage.decide(number, form.getVersion() == null ? -1 : form.getVersion(), coordinator, chosen,
				chosen.needsText() ? form.getText() : null);
		redirect.addFlashAttribute("flash", "flash.request.decision." + chosen);
		return "redirect:/admin/requests/" + number;
	}

	private static Decision decisionIn(String path) {
		return switch (path) {
			case "start-review" -> Decision.START_REVIEW;
			case "ask-information" -> Decision.ASK_INFORMATION;
			case "open-for-matching" -> Decision.OPEN_FOR_MATCHING;
			case "reject" -> Decision.REJECT;
			case "hold" -> Decision.HOLD;
			case "resume" -> Decision.RESUME;
			case "message" -> Decision.MESSAGE;
			default -> throw new NotFound("decision");
		};
	}

	private String show(AssistanceRequest request, Model model, Locale locale) {
		return this.detailPage.show(request, true, model, locale);
	}
}
