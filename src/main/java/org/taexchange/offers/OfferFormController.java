package org.taexchange.offers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Role;
import org.taexchange.offers.OfferWriting.DraftLimitReached;
import org.taexchange.offers.OfferWriting.NotAProvider;
import org.taexchange.offers.OfferWriting.NotYetApproved;
import org.taexchange.participants.Directory;
import org.taexchange.participants.Modality;
import org.taexchange.platform.Forms;
import org.taexchange.platform.PostSignIn;

/**
 * Offering expertise: one form, saved as a draft or sent for vetting; the provider's list of their
 * organisation's offers with pause, resume and withdraw. A visitor may fill in the form before
 * signing in; it is kept in the session and becomes their draft once they have signed in.
 */
@Controller
class OfferFormController {

	static final String PENDING_OFFER = OfferFormController.class.getName() + ".pendingOffer";

	static final String USED_FORM_TOKENS = OfferFormController.class.getName() + ".usedFormTokens";

	private final OfferWriting writing;

	private final Directory directory;

	private final Clock clock;

	OfferFormController(OfferWriting writing, Directory directory, Clock clock) {
		this.writing = writing;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/offers/new")
	String start(@AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		requireProviderOrVisitor(user);
		OfferForm form = new OfferForm();
		form.setFormToken(UUID.randomUUID().toString());
		model.addAttribute("offer", form);
		return showForm(null, model, locale);
	}

	@PostMapping("/offers/new")
	String create(@Valid @ModelAttribute("offer") OfferForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal AccountUser user,
			HttpSession session, Model model, Locale locale, RedirectAttributes redirect) {
		requireProviderOrVisitor(user);
		check(form, result);
		if (!savable(result, action)) {
			return showForm(null, model, locale);
		}
		if (user == null) {
			session.setAttribute(PENDING_OFFER, form);
			session.setAttribute(PostSignIn.CONTINUE_AT, "/offers/new/continue");
			return "redirect:/offers/new/account";
		}
		if (!firstUse(session, form.getFormToken())) {
			// the same form sent again: the offer it created is already in the list
			return "redirect:/offers/mine";
		}
		long id;
		try {
			id = this.writing.start(user, form.content());
		}
		catch (DraftLimitReached ex) {
			result.reject("offer.draftLimit");
			return showForm(null, model, locale);
		}
		return "submit".equals(action) ? submitted(id, user, model, locale, redirect) : saved(id, redirect);
	}

	/** Whether this new-offer form is sent for the first time in this session (checked and noted at once). */
	@SuppressWarnings("unchecked")
	private static boolean firstUse(HttpSession session, String token) {
		if (token == null || token.isBlank()) {
			return true;
		}
		synchronized (WebUtils.getSessionMutex(session)) {
			Set<String> used = (Set<String>) session.getAttribute(USED_FORM_TOKENS);
			if (used == null) {
				used = new HashSet<>();
			}
			boolean first = used.add(token);
			session.setAttribute(USED_FORM_TOKENS, used);
			return first;
		}
	}

	@GetMapping("/offers/new/account")
	String signInToSave(HttpSession session, @AuthenticationPrincipal AccountUser user) {
		if (user != null) {
			return "redirect:/offers/new/continue";
		}
		return session.getAttribute(PENDING_OFFER) == null ? "redirect:/offers/new" : "offers/account";
	}

	@GetMapping("/offers/new/continue")
	String continueAfterSignIn(HttpSession session, @AuthenticationPrincipal AccountUser user,
			RedirectAttributes redirect) {
		requireProviderOrVisitor(user);
		Object pending = session.getAttribute(PENDING_OFFER);
		session.removeAttribute(PENDING_OFFER);
		session.removeAttribute(PostSignIn.CONTINUE_AT);
		if (!(pending instanceof OfferForm form)) {
			return "redirect:/offers/new";
		}
		try {
			long id = this.writing.start(user, form.content());
			redirect.addFlashAttribute("flash", "flash.offer.draftSaved");
			return "redirect:/offers/edit/" + id;
		}
		catch (DraftLimitReached ex) {
			redirect.addFlashAttribute("flash", "flash.draftLimit");
			return "redirect:/offers/mine";
		}
	}

	@GetMapping("/offers/edit/{id}")
	String edit(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		Offer offer = this.writing.own(id, user);
		if (!offer.getStatus().isEditable()) {
			return "redirect:/offers/mine";
		}
		if (!model.containsAttribute("offer")) {
			model.addAttribute("offer", OfferForm.of(offer));
		}
		return showForm(offer, model, locale);
	}

	@PostMapping("/offers/edit/{id}")
	String save(@PathVariable long id, @Valid @ModelAttribute("offer") OfferForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal AccountUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		Offer offer = this.writing.own(id, user);
		check(form, result);
		if (form.getCapacity() != null && form.getCapacity() < offer.getCapacityUsed() + offer.getCapacityHeld()
				&& !result.hasFieldErrors("capacity")) {
			result.rejectValue("capacity", "offer.capacity.belowUsed", new Object[] { offer.getCapacityUsed() + offer.getCapacityHeld() }, null);
		}
		if (!savable(result, action) || form.getVersion() == null) {
			return showForm(offer, model, locale);
		}
		if ("submit".equals(action) && offer.getStatus() == OfferStatus.SUBMITTED
				&& form.content().equals(OfferForm.of(offer).content())) {
			// sent again as it is (a second click): nothing to save, the same reference
			return submitted(id, user, model, locale, redirect);
		}
		this.writing.save(id, form.getVersion(), user, form.content());
		if (this.writing.own(id, user).getStatus().isLive()) {
			// still vetted: nothing to send, the change applies at once
			redirect.addFlashAttribute("flash", "flash.offer.saved");
			return "redirect:/offers/mine";
		}
		return "submit".equals(action) ? submitted(id, user, model, locale, redirect) : saved(id, redirect);
	}

	@PostMapping("/offers/edit/{id}/{action:pause|resume|withdraw}")
	String lifecycle(@PathVariable long id, @PathVariable String action, @RequestParam long version,
			@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		String done = action;
		switch (action) {
			case "pause" -> this.writing.pause(id, version, user);
			case "resume" -> this.writing.resume(id, version, user);
			default -> done = this.writing.withdraw(id, version, user) ? "deleted" : "withdraw";
		}
		redirect.addFlashAttribute("flash", "flash.offer." + done);
		return "redirect:/offers/mine";
	}

	@GetMapping("/offers/mine")
	String mine(@AuthenticationPrincipal AccountUser user, Model model, Locale locale) {
		model.addAttribute("offers", this.writing.ofOrganisation(user));
		model.addAttribute("organisation", this.directory.organisation(user.organisationId()).orElse(null));
		return "offers/mine";
	}

	private String saved(long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", "flash.offer.draftSaved");
		return "redirect:/offers/mine";
	}

	private String submitted(long id, AccountUser user, Model model, Locale locale, RedirectAttributes redirect) {
		Offer offer = this.writing.own(id, user);
		try {
			OfferReference reference = this.writing.submit(id, offer.getVersion(), user);
			redirect.addFlashAttribute("flash", "flash.offer.submitted");
			redirect.addFlashAttribute("submittedReference", reference.value());
			return "redirect:/offers/mine";
		}
		catch (IncompleteOffer ex) {
			redirect.addFlashAttribute("missing", ex.missing());
		}
		catch (NotYetApproved ex) {
			redirect.addFlashAttribute("notYetApproved", true);
		}
		return "redirect:/offers/edit/" + id;
	}

	private void check(OfferForm form, BindingResult result) {
		if (!form.getAreas().stream().allMatch(this.directory::isExpertiseArea)) {
			result.rejectValue("areas", "request.area.unknown");
		}
		if (!form.getWorkingLanguages().stream().allMatch(this.directory::isWorkingLanguage)) {
			result.rejectValue("workingLanguages", "request.language.unknown");
		}
		if (!form.getExpertsLanguages().stream().allMatch(this.directory::isWorkingLanguage)) {
			result.rejectValue("expertsLanguages", "request.language.unknown");
		}
		List<String> regions = this.directory.regions();
		if (!regions.containsAll(form.getReachRegions())) {
			result.rejectValue("reachRegions", "offer.region.unknown");
		}
		if (form.getReach() == Reach.REGIONS && form.getReachRegions().isEmpty()) {
			result.rejectValue("reachRegions", "offer.reachRegions.required");
		}
		if (form.getReach() == Reach.PARTICIPANTS && form.getReachParticipants().isEmpty()) {
			result.rejectValue("reachParticipants", "offer.reachParticipants.required");
		}
		if (!form.getReachParticipants().stream().allMatch(this.directory::isActiveParticipant)) {
			result.rejectValue("reachParticipants", "request.beneficiaries.unknown");
		}
		if (!form.getConflictParticipants().stream().allMatch(this.directory::isActiveParticipant)) {
			result.rejectValue("conflictParticipants", "request.beneficiaries.unknown");
		}
		if (!form.getConflictParticipants().isEmpty()
				&& (form.getConflictReason() == null || form.getConflictReason().isBlank())
				&& !result.hasFieldErrors("conflictReason")) {
			result.rejectValue("conflictReason", "offer.conflictReason.required");
		}
		LocalDate today = LocalDate.now(this.clock);
		if (form.getAvailableUntil() != null && !result.hasFieldErrors("availableUntil")) {
			if (form.getAvailableUntil().isBefore(today)) {
				result.rejectValue("availableUntil", "request.window.past");
			}
			else if (form.getAvailableFrom() != null && form.getAvailableUntil().isBefore(form.getAvailableFrom())) {
				result.rejectValue("availableUntil", "request.window.order");
			}
		}
	}

	/** Sending for vetting needs every answer; saving a draft keeps whatever was typed that can be stored. */
	private static boolean savable(BindingResult result, String action) {
		if (!result.hasErrors()) {
			return true;
		}
		return !"submit".equals(action) && Forms.onlyMissingAnswers(result);
	}

	private String showForm(Offer offer, Model model, Locale locale) {
		model.addAttribute("existing", offer);
		model.addAttribute("areaGroups", this.directory.expertiseAreaGroups(locale));
		model.addAttribute("modalities", Modality.values());
		model.addAttribute("languages", this.directory.workingLanguages(locale));
		model.addAttribute("reaches", Reach.values());
		model.addAttribute("regions", this.directory.regions());
		model.addAttribute("participants", this.directory.activeParticipants(locale));
		model.addAttribute("fundings", OfferFunding.values());
		return "offers/form";
	}

	private static void requireProviderOrVisitor(AccountUser user) {
		if (user != null && (user.role() != Role.PROVIDER || user.organisationId() == null)) {
			throw new NotAProvider();
		}
	}

	@ExceptionHandler(NotAProvider.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String notAProvider(Model model) {
		model.addAttribute("reason", "notAProvider");
		return "error/403";
	}
}
