package org.taexchange.requests;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.accounts.AccountUser;
import org.taexchange.offers.OfferCatalogue;
import org.taexchange.participants.Directory;
import org.taexchange.participants.Modality;
import org.taexchange.platform.Forms;
import org.taexchange.platform.PostSignIn;
import org.taexchange.requests.RequestDrafts.DraftLimitReached;
import org.taexchange.requests.RequestDrafts.NotAnOfficial;
import org.taexchange.requests.RequestDrafts.NotYetApproved;
import org.taexchange.requests.RequestDrafts.RejectedFile;

/**
 * The request form in six steps, each saved as a draft on the server: who asks, the need, the
 * expertise, the practicalities, attachments, and a review before submitting. A visitor may fill
 * in the first step before signing in; it is kept in the session and becomes their draft once they
 * have signed in or registered.
 */
@Controller
class RequestFormController {

	static final String PENDING_FIRST_STEP = RequestFormController.class.getName() + ".pendingFirstStep";

	private final RequestDrafts drafts;

	private final Directory directory;

	private final OfferCatalogue catalogue;

	private final Clock clock;

	RequestFormController(RequestDrafts drafts, Directory directory, OfferCatalogue catalogue, Clock clock) {
		this.drafts = drafts;
		this.directory = directory;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	// --- step 1, before a draft exists ---------------------------------------------------------

	@GetMapping("/requests/new")
	String start(@RequestParam(name = "offer", required = false) String offer,
			@AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		requireOfficialOrVisitor(user);
		WhoForm form = new WhoForm();
		this.catalogue.published(offer).ifPresent(chosen -> form.setChosenOffer(chosen.reference()));
		model.addAttribute("who", form);
		return showWho(null, user, model, locale);
	}

	@PostMapping("/requests/new")
	String startDraft(@Valid @ModelAttribute("who") WhoForm form, BindingResult result,
			@RequestParam(defaultValue = "next") String action, @AuthenticationPrincipal AccountUser user,
			HttpSession session, Model model, Locale locale) {
		requireOfficialOrVisitor(user);
		if ("mru".equals(action)) {
			form.addManoRiverUnion();
			Forms.withoutErrors(model, "who", form);
			return showWho(null, user, model, locale);
		}
		checkWho(form, result, user == null);
		if (result.hasErrors()) {
			return showWho(null, user, model, locale);
		}
		if (user == null) {
			session.setAttribute(PENDING_FIRST_STEP, form);
			session.setAttribute(PostSignIn.CONTINUE_AT, "/requests/new/continue");
			return "redirect:/requests/new/account";
		}
		long id;
		try {
			id = startDraft(user, form);
		}
		catch (DraftLimitReached ex) {
			result.reject("request.draftLimit");
			return showWho(null, user, model, locale);
		}
		return "later".equals(action) ? "redirect:/requests?saved" : "redirect:/requests/drafts/" + id + "/need";
	}

	/** For a visitor: their first step is kept; they sign in or register to save it. */
	@GetMapping("/requests/new/account")
	String signInToSave(HttpSession session, @AuthenticationPrincipal AccountUser user) {
		if (user != null) {
			return "redirect:/requests/new/continue";
		}
		return session.getAttribute(PENDING_FIRST_STEP) == null ? "redirect:/requests/new" : "requests/account";
	}

	/** After signing in: the visitor's first step becomes a draft of the new account. */
	@GetMapping("/requests/new/continue")
	String continueAfterSignIn(HttpSession session, @AuthenticationPrincipal AccountUser user,
			RedirectAttributes redirect) {
		requireOfficialOrVisitor(user);
		Object pending = session.getAttribute(PENDING_FIRST_STEP);
		session.removeAttribute(PENDING_FIRST_STEP);
		session.removeAttribute(PostSignIn.CONTINUE_AT);
		if (!(pending instanceof WhoForm form)) {
			return "redirect:/requests/new";
		}
		try {
			return "redirect:/requests/drafts/" + startDraft(user, form) + "/need";
		}
		catch (DraftLimitReached ex) {
			redirect.addFlashAttribute("flash", "flash.draftLimit");
			return "redirect:/requests";
		}
	}

	/** A new draft from step 1, with the catalogue offer it asks for if it still is published. */
	private long startDraft(AccountUser user, WhoForm form) {
		long id = this.drafts.start(user, form.answers());
		this.catalogue.published(form.getChosenOffer()).ifPresent(offer -> this.drafts.askFor(id, user, offer));
		return id;
	}

	/** A draft's address: opens the furthest step reached. */
	@GetMapping("/requests/drafts/{id}")
	String resume(@PathVariable long id, @AuthenticationPrincipal AccountUser user) {
		AssistanceRequest request = this.drafts.editable(id, user);
		if (!request.isEditable()) {
			return "redirect:/requests/" + request.getReference();
		}
		return "redirect:/requests/drafts/" + id + "/" + Step.of(request.getStepReached()).path;
	}

	// --- step 1 on a draft ---------------------------------------------------------------------

	@GetMapping("/requests/drafts/{id}/who")
	String who(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		AssistanceRequest request = editableOrDone(id, user);
		model.addAttribute("who", WhoForm.of(request));
		return showWho(request, user, model, locale);
	}

	@PostMapping("/requests/drafts/{id}/who")
	String saveWho(@PathVariable long id, @Valid @ModelAttribute("who") WhoForm form, BindingResult result,
			@RequestParam(defaultValue = "next") String action, @AuthenticationPrincipal AccountUser user,
			Model model, Locale locale) {
		AssistanceRequest request = this.drafts.editable(id, user);
		if ("mru".equals(action)) {
			form.addManoRiverUnion();
			Forms.withoutErrors(model, "who", form);
			return showWho(request, user, model, locale);
		}
		checkWho(form, result, false);
		if (!savable(result, action)) {
			return showWho(request, user, model, locale);
		}
		this.drafts.save(id, user, form.answers());
		return next(id, Step.WHO, action);
	}

	// --- step 2 --------------------------------------------------------------------------------

	@GetMapping("/requests/drafts/{id}/need")
	String need(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model) {
		AssistanceRequest request = editableOrDone(id, user);
		model.addAttribute("need", NeedForm.of(request));
		return show(request, Step.NEED, model);
	}

	@PostMapping("/requests/drafts/{id}/need")
	String saveNeed(@PathVariable long id, @Valid @ModelAttribute("need") NeedForm form, BindingResult result,
			@RequestParam(defaultValue = "next") String action, @AuthenticationPrincipal AccountUser user,
			Model model) {
		AssistanceRequest request = this.drafts.editable(id, user);
		Integer year = form.getEvidenceReportYear();
		if (year != null && year > LocalDate.now(this.clock).getYear() && !result.hasFieldErrors("evidenceReportYear")) {
			result.rejectValue("evidenceReportYear", "request.evidenceReportYear.future");
		}
		if (!savable(result, action)) {
			return show(request, Step.NEED, model);
		}
		this.drafts.save(id, user, form.answers());
		return next(id, Step.NEED, action);
	}

	// --- step 3 --------------------------------------------------------------------------------

	@GetMapping("/requests/drafts/{id}/expertise")
	String expertise(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		AssistanceRequest request = editableOrDone(id, user);
		model.addAttribute("expertise", ExpertiseForm.of(request));
		return showExpertise(request, model, locale);
	}

	@PostMapping("/requests/drafts/{id}/expertise")
	String saveExpertise(@PathVariable long id, @Valid @ModelAttribute("expertise") ExpertiseForm form,
			BindingResult result, @RequestParam(defaultValue = "next") String action,
			@AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		AssistanceRequest request = this.drafts.editable(id, user);
		if (form.getPrimaryArea() != null && !form.getPrimaryArea().isBlank()
				&& !this.directory.isExpertiseArea(form.getPrimaryArea())) {
			result.rejectValue("primaryArea", "request.area.unknown");
		}
		if (!form.getAreas().stream().allMatch(this.directory::isExpertiseArea)) {
			result.rejectValue("areas", "request.area.unknown");
		}
		if (!savable(result, action)) {
			return showExpertise(request, model, locale);
		}
		this.drafts.save(id, user, form.answers());
		return next(id, Step.EXPERTISE, action);
	}

	// --- step 4 --------------------------------------------------------------------------------

	@GetMapping("/requests/drafts/{id}/practicalities")
	String practicalities(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model,
			Locale locale) {
		AssistanceRequest request = editableOrDone(id, user);
		model.addAttribute("practicalities", PracticalitiesForm.of(request));
		return showPracticalities(request, model, locale);
	}

	@PostMapping("/requests/drafts/{id}/practicalities")
	String savePracticalities(@PathVariable long id,
			@Valid @ModelAttribute("practicalities") PracticalitiesForm form, BindingResult result,
			@RequestParam(defaultValue = "next") String action, @AuthenticationPrincipal AccountUser user,
			Model model, Locale locale) {
		AssistanceRequest request = this.drafts.editable(id, user);
		if (!form.getWorkingLanguages().stream().allMatch(this.directory::isWorkingLanguage)) {
			result.rejectValue("workingLanguages", "request.language.unknown");
		}
		LocalDate today = LocalDate.now(this.clock);
		if (form.getEarliestStart() != null && form.getEarliestStart().isBefore(today)
				&& !result.hasFieldErrors("earliestStart")) {
			result.rejectValue("earliestStart", "request.window.past");
		}
		if (form.getLatestEnd() != null && !result.hasFieldErrors("latestEnd")) {
			if (form.getLatestEnd().isBefore(today)) {
				result.rejectValue("latestEnd", "request.window.past");
			}
			else if (form.getEarliestStart() != null && form.getLatestEnd().isBefore(form.getEarliestStart())) {
				result.rejectValue("latestEnd", "request.window.order");
			}
		}
		if (!savable(result, action)) {
			return showPracticalities(request, model, locale);
		}
		this.drafts.save(id, user, form.answers());
		return next(id, Step.PRACTICALITIES, action);
	}

	// --- step 5 --------------------------------------------------------------------------------

	@GetMapping("/requests/drafts/{id}/attachments")
	String attachments(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model) {
		AssistanceRequest request = editableOrDone(id, user);
		return showAttachments(request, user, model);
	}

	@PostMapping("/requests/drafts/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) throws IOException {
		this.drafts.editable(id, user); // someone else's draft does not exist, whatever was sent
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("fileError",
					file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()
							? "request.attachment.none" : "request.attachment.empty");
			return "redirect:/requests/drafts/" + id + "/attachments";
		}
		try {
			this.drafts.attach(id, user, file.getOriginalFilename(), file.getBytes());
		}
		catch (RejectedFile ex) {
			// back to the step's own address, where the form is
			redirect.addFlashAttribute("fileError", ex.messageKey());
			redirect.addFlashAttribute("rejectedName", file.getOriginalFilename());
			return "redirect:/requests/drafts/" + id + "/attachments";
		}
		redirect.addFlashAttribute("flash", "flash.request.attached");
		return "redirect:/requests/drafts/" + id + "/attachments";
	}

	@PostMapping("/requests/drafts/{id}/attachments/{attachmentId}/delete")
	String detach(@PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal AccountUser user,
			RedirectAttributes redirect) {
		this.drafts.detach(id, user, attachmentId);
		redirect.addFlashAttribute("flash", "flash.request.detached");
		return "redirect:/requests/drafts/" + id + "/attachments";
	}

	@PostMapping("/requests/drafts/{id}/attachments/done")
	String attachmentsDone(@PathVariable long id, @RequestParam(defaultValue = "next") String action,
			@AuthenticationPrincipal AccountUser user) {
		this.drafts.attachmentsReviewed(id, user);
		return next(id, Step.ATTACHMENTS, action);
	}

	// --- step 6 --------------------------------------------------------------------------------

	@GetMapping("/requests/drafts/{id}/review")
	String review(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		AssistanceRequest request = editableOrDone(id, user);
		return showReview(request, user, model, locale);
	}

	@PostMapping("/requests/drafts/{id}/submit")
	String submit(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal AccountUser user,
			Model model, Locale locale) {
		AssistanceRequest request = this.drafts.editable(id, user);
		try {
			ReferenceNumber reference = this.drafts.submit(id, version, user);
			return "redirect:/requests/" + reference + "/submitted";
		}
		catch (IncompleteRequest ex) {
			model.addAttribute("missing", ex.missing());
		}
		catch (NotYetApproved ex) {
			model.addAttribute("notYetApproved", true);
		}
		return showReview(request, user, model, locale);
	}

	/** While the coordinator waits for information: the edited request goes back with an optional note. */
	@PostMapping("/requests/drafts/{id}/send-changes")
	String sendChanges(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountUser user, Model model,
			Locale locale, RedirectAttributes redirect) {
		if (note != null && note.length() > 5000) {
			model.addAttribute("noteTooLong", true);
			model.addAttribute("note", note);
			return showReview(this.drafts.editable(id, user), user, model, locale);
		}
		ReferenceNumber reference = this.drafts.sendChanges(id, version, user, note);
		redirect.addFlashAttribute("flash", "flash.request.changesSent");
		return "redirect:/requests/" + reference;
	}

	// --- showing -------------------------------------------------------------------------------

	private AssistanceRequest editableOrDone(long id, AccountUser user) {
		AssistanceRequest request = this.drafts.editable(id, user);
		if (!request.isEditable()) {
			throw new AlreadySubmitted(request.getReference());
		}
		return request;
	}

	@ExceptionHandler(AlreadySubmitted.class)
	String alreadySubmitted(AlreadySubmitted ex) {
		return "redirect:/requests/" + ex.reference;
	}

	private String showWho(AssistanceRequest request, AccountUser user, Model model, Locale locale) {
		model.addAttribute("participants", this.directory.activeParticipants(locale));
		model.addAttribute("ownParticipant",
				user == null ? null : this.directory.participantName(user.participantCode(), locale).orElse(null));
		model.addAttribute("manoRiverUnion", WhoForm.MANO_RIVER_UNION);
		Object form = model.getAttribute("who");
		if (form instanceof WhoForm who && who.getChosenOffer() != null) {
			this.catalogue.published(who.getChosenOffer())
				.ifPresent(offer -> model.addAttribute("chosenOfferTitle", offer.title()));
		}
		return show(request, Step.WHO, model);
	}

	private String showExpertise(AssistanceRequest request, Model model, Locale locale) {
		model.addAttribute("areaGroups", this.directory.expertiseAreaGroups(locale));
		model.addAttribute("modalities", Modality.values());
		return show(request, Step.EXPERTISE, model);
	}

	private String showPracticalities(AssistanceRequest request, Model model, Locale locale) {
		model.addAttribute("languages", this.directory.workingLanguages(locale));
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("fundings", Funding.values());
		return show(request, Step.PRACTICALITIES, model);
	}

	private String showAttachments(AssistanceRequest request, AccountUser user, Model model) {
		model.addAttribute("attachments", this.drafts.attachmentsOf(request.getId(), user));
		model.addAttribute("maxAttachments", RequestDrafts.MAX_ATTACHMENTS);
		return show(request, Step.ATTACHMENTS, model);
	}

	private String showReview(AssistanceRequest request, AccountUser user, Model model, Locale locale) {
		model.addAttribute("attachments", this.drafts.attachmentsOf(request.getId(), user));
		if (!model.containsAttribute("missing")) {
			model.addAttribute("missing", request.missingParts());
		}
		RequestViews.describe(request, this.directory, locale, model);
		return show(request, Step.REVIEW, model);
	}

	private static String show(AssistanceRequest request, Step step, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("step", step);
		model.addAttribute("steps", Step.values());
		model.addAttribute("stepReached", request == null ? 1 : request.getStepReached());
		return "requests/" + step.path;
	}

	private void checkWho(WhoForm form, BindingResult result, boolean visitor) {
		if (visitor && !result.hasFieldErrors("requestingParticipant")
				&& !this.directory.isActiveParticipant(form.getRequestingParticipant())) {
			result.rejectValue("requestingParticipant", "request.participant.required");
		}
		if (!form.getBeneficiaryCountries().stream().allMatch(this.directory::isActiveParticipant)) {
			result.rejectValue("beneficiaryCountries", "request.beneficiaries.unknown");
		}
	}

	/** Continue needs every answer; going back or finishing later keeps what was typed, even if incomplete. */
	private static boolean savable(BindingResult result, String action) {
		if (!result.hasErrors()) {
			return true;
		}
		return !"next".equals(action) && Forms.onlyMissingAnswers(result);
	}

	private static String next(long id, Step step, String action) {
		return switch (action) {
			case "back" -> "redirect:/requests/drafts/" + id + "/" + step.previous().path;
			case "later" -> "redirect:/requests?saved";
			default -> "redirect:/requests/drafts/" + id + "/" + step.next().path;
		};
	}

	private static void requireOfficialOrVisitor(AccountUser user) {
		if (user != null && (user.role() != org.taexchange.accounts.Role.REQUESTER || user.participantCode() == null)) {
			throw new NotAnOfficial();
		}
	}

	/** The request was submitted since: its page shows where it stands. */
	static final class AlreadySubmitted extends RuntimeException {

		private final String reference;

		AlreadySubmitted(String reference) {
			super("Already submitted as " + reference);
			this.reference = reference;
		}
	}

	/** The six steps, in order, with the path of their page. */
	enum Step {
		WHO("who"), NEED("need"), EXPERTISE("expertise"), PRACTICALITIES("practicalities"), ATTACHMENTS("attachments"),
		REVIEW("review");

		final String path;

		Step(String path) {
			this.path = path;
		}

		public String getPath() {
			return this.path;
		}

		public int getNumber() {
			return ordinal() + 1;
		}

		static Step of(int number) {
			return values()[Math.min(Math.max(number, 1), values().length) - 1];
		}

		Step next() {
			return of(getNumber() + 1);
		}

		Step previous() {
			return of(getNumber() - 1);
		}
	}
}
