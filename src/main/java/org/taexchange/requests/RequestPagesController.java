package org.taexchange.requests;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Role;
import org.taexchange.audit.DecisionMade;
import org.taexchange.participants.Directory;
import org.taexchange.platform.NotFound;
import org.taexchange.requests.RequestDrafts.NotAnOfficial;

/**
 * The requests of an official's participant: the list, each request's page with its timeline,
 * files and messages, the confirmation after submitting, replying and withdrawing.
 */
@Controller
class RequestPagesController {

	static final int PAGE_SIZE = 20;

	private final RequestFollowUp followUp;

	private final RequestDrafts drafts;

	private final TriageDeadline deadline;

	private final Directory directory;

	private final RequestDetailPage detailPage;

	RequestPagesController(RequestFollowUp followUp, RequestDrafts drafts, TriageDeadline deadline,
			Directory directory, RequestDetailPage detailPage) {
		this.followUp = followUp;
		this.drafts = drafts;
		this.deadline = deadline;
		this.directory = directory;
		this.detailPage = detailPage;
	}

	@GetMapping("/requests")
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
			@AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		if (user.role() == Role.COORDINATOR || user.role() == Role.ADMIN) {
			return "redirect:/admin/requests";
		}
		if (user.role() != Role.REQUESTER) {
			throw new NotAnOfficial();
		}
		int pageSize = Math.min(Math.max(size, 1), 100);
		Page<AssistanceRequest> requests = this.followUp.ofParticipant(user,
				PageRequest.of(Math.max(page, 0), pageSize, Sort.by("statusChangedAt").descending().and(Sort.by("id"))));
		model.addAttribute("page", requests);
		model.addAttribute("overdueIds", this.deadline.overdueAmong(requests.getContent()));
		model.addAttribute("drafts", this.drafts.draftsOf(user));
		model.addAttribute("approved", this.followUp.isApprovedOfficial(user));
		model.addAttribute("participantName", this.directory.participantName(user.participantCode(), locale).orElse(null));
		model.addAttribute("size", pageSize);
		return "requests/list";
	}

	@GetMapping("/requests/{reference}/submitted")
	String submitted(@PathVariable String reference, @AuthenticationPrincipal AccountUser user, Model model) {
		AssistanceRequest request = this.followUp.visible(RequestViews.reference(reference), user);
		model.addAttribute("request", request);
		model.addAttribute("dueDate", this.deadline.dueDate(request.getStatusChangedAt()));
		return "requests/submitted";
	}

	@GetMapping("/requests/{reference}")
	String detail(@PathVariable String reference, @AuthenticationPrincipal AccountUser user, Model model,
			Locale locale) {
		if (user.role() == Role.COORDINATOR || user.role() == Role.ADMIN) {
			return "redirect:/admin/requests/" + RequestViews.reference(reference);
		}
		AssistanceRequest request = this.followUp.visible(RequestViews.reference(reference), user);
		if (!model.containsAttribute("message")) {
			model.addAttribute("message", new MessageForm());
		}
		return show(request, model, locale);
	}

	@PostMapping("/requests/{reference}/messages")
	String reply(@PathVariable String reference, @Valid @ModelAttribute("message") MessageForm form,
			BindingResult result, @AuthenticationPrincipal AccountUser user, Model model, Locale locale,
			RedirectAttributes redirect) {
		ReferenceNumber number = RequestViews.reference(reference);
		requireOfficial(user);
		if (result.hasErrors()) {
			return show(this.followUp.visible(number, user), model, locale);
		}
		this.followUp.reply(number, user, form.getText());
		redirect.addFlashAttribute("flash", "flash.request.messageSent");
		return "redirect:/requests/" + number + "#messages";
	}

	@PostMapping("/requests/{reference}/withdraw")
	String withdraw(@PathVariable String reference, @RequestParam long version,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal AccountUser user, Model model,
			Locale locale, RedirectAttributes redirect) {
		ReferenceNumber number = RequestViews.reference(reference);
		requireOfficial(user);
		if (reason != null && reason.length() > DecisionMade.REASON_LENGTH) {
			model.addAttribute("message", new MessageForm());
			model.addAttribute("withdrawReason", reason);
			model.addAttribute("withdrawTooLong", true);
			return show(this.followUp.visible(number, user), model, locale);
		}
		this.followUp.withdraw(number, version, user, reason);
		redirect.addFlashAttribute("flash", "flash.request.withdrawn");
		return "redirect:/requests/" + number;
	}

	/** A file of the request, always as a download with the type found in its content. */
	@GetMapping("/requests/{reference}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable long attachmentId,
			@AuthenticationPrincipal AccountUser user) {
		RequestAttachment file = this.followUp.attachment(RequestViews.reference(reference), attachmentId, user);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.getMediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.getContent());
	}

	/** Replies and withdrawals are the officials' own: for anyone else there is nothing here. */
	private static void requireOfficial(AccountUser user) {
		if (user.role() != Role.REQUESTER) {
			throw new NotFound("request");
		}
	}

	private String show(AssistanceRequest request, Model model, Locale locale) {
		return this.detailPage.show(request, false, model, locale);
	}
}
