package org.taexchange.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.participants.Directory;
import org.taexchange.participants.OrganisationSummary;
import org.taexchange.platform.NotFound;

/** Accounts awaiting a coordinator's decision. */
@Controller
class AccountAdminController {

	private final Accounts accounts;

	private final Approvals approvals;

	private final Directory directory;

	private final SecondFactors secondFactors;

	AccountAdminController(Accounts accounts, Approvals approvals, Directory directory, SecondFactors secondFactors) {
		this.accounts = accounts;
		this.approvals = approvals;
		this.directory = directory;
		this.secondFactors = secondFactors;
	}

	@GetMapping("/admin/accounts")
	String pending(@RequestParam(name = "q", required = false) String query, Model model, Locale locale) {
		if (query != null && !query.isBlank()) {
			String term = query.strip();
			model.addAttribute("q", term);
			model.addAttribute("found",
					this.accounts.findTop50ByEmailContainingIgnoreCaseOrFullNameContainingIgnoreCaseOrderByEmail(term,
							term));
		}
		List<Account> pending = this.accounts.findByStatusOrderByCreatedAt(AccountStatus.PENDING);
		Map<String, String> participantNames = this.directory.participantNames(locale);
		Map<Long, OrganisationSummary> organisations = this.directory.organisationsById();
		Function<Account, AccountView> view = a -> new AccountView(a, participantNames.get(a.getParticipantCode()),
				organisations.get(a.getOrganisationId()));
		model.addAttribute("verified", pending.stream().filter(Account::isEmailVerified).map(view).toList());
		model.addAttribute("unverified", pending.stream().filter(a -> !a.isEmailVerified()).map(view).toList());
		return "accounts/admin-accounts";
	}

	@GetMapping("/admin/accounts/{id}")
	String review(@PathVariable long id, Model model, Locale locale) {
		Account account = this.accounts.findById(id).orElseThrow(() -> new NotFound("account"));
		DecisionForm form = new DecisionForm();
		form.setVersion(account.getVersion());
		model.addAttribute("decision", form);
		return showReview(account, model, locale);
	}

	/** An admin disables an approved account, or enables a disabled one, with a reason. */
	@PostMapping("/admin/accounts/{id}/{access:disable|enable}")
	String changeAccess(@PathVariable long id, @PathVariable String access,
			@Validated({ Default.class, DecisionForm.Rejection.class }) @ModelAttribute("decision") DecisionForm form,
			BindingResult result, @AuthenticationPrincipal AccountUser admin, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showReview(find(id), model, locale);
		}
		boolean enable = "enable".equals(access);
		this.approvals.changeAccess(id, form.getVersion(), enable, admin.getUsername(), form.getReason());
		redirect.addFlashAttribute("flash", enable ? "flash.account.enabled" : "flash.account.disabled");
		return "redirect:/admin/accounts/" + id;
	}

	/**
	 * An admin removes the second factor of someone who lost their app and their recovery codes, with a
	 * reason; never their own (another admin does that).
	 */
	@PostMapping("/admin/accounts/{id}/reset-factor")
	String resetSecondFactor(@PathVariable long id,
			@Validated({ Default.class, DecisionForm.Rejection.class }) @ModelAttribute("factorReset") DecisionForm form,
			BindingResult result, @AuthenticationPrincipal AccountUser admin, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (admin.id() == id) {
			throw new AccessDeniedException("Nobody resets their own second factor");
		}
		if (result.hasErrors()) {
			return showReview(find(id), model, locale);
		}
		this.approvals.resetSecondFactor(id, form.getVersion(), admin.getUsername(), form.getReason());
		redirect.addFlashAttribute("flash", "flash.account.factorReset");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/admin/accounts/{id}/reassign")
	String reassign(@PathVariable long id, @Valid @ModelAttribute("reassign") ReassignForm form, BindingResult result,
			@AuthenticationPrincipal AccountUser admin, Model model, Locale locale, RedirectAttributes redirect) {
		Account account = find(id);
		boolean official = account.getRole() == Role.REQUESTER;
		if (official && (form.getParticipantCode() == null
				|| !this.directory.isActiveParticipant(form.getParticipantCode()))) {
			result.rejectValue("participantCode", "adminAccount.reassign.participant.required");
		}
		if (!official && (form.getOrganisationId() == null
				|| this.directory.organisation(form.getOrganisationId()).isEmpty())) {
			result.rejectValue("organisationId", "adminAccount.reassign.organisation.required");
		}
		if (result.hasErrors()) {
			DecisionForm decision = new DecisionForm();
			decision.setVersion(account.getVersion());
			model.addAttribute("decision", decision);
			return showReview(account, model, locale);
		}
		this.approvals.reassign(id, form.getVersion(), official ? form.getParticipantCode() : null,
				official ? null : form.getOrganisationId(), admin.getUsername(), form.getReason());
		redirect.addFlashAttribute("flash", "flash.account.reassigned");
		return "redirect:/admin/accounts/" + id;
	}

	private Account find(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFound("account"));
	}

	@PostMapping("/admin/accounts/{id}/approve")
	String approve(@PathVariable long id, @Validated @ModelAttribute("decision") DecisionForm form,
			BindingResult result, @AuthenticationPrincipal AccountUser coordinator, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "redirect:/admin/accounts/" + id;
		}
		this.approvals.approve(id, form.getVersion(), coordinator.getUsername());
		redirect.addFlashAttribute("flash", "flash.account.approved");
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/reject")
	String reject(@PathVariable long id,
			@Validated({ Default.class, DecisionForm.Rejection.class }) @ModelAttribute("decision") DecisionForm form,
			BindingResult result, @AuthenticationPrincipal AccountUser coordinator, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showReview(find(id), model, locale);
		}
		this.approvals.reject(id, form.getVersion(), coordinator.getUsername(), form.getReason());
		redirect.addFlashAttribute("flash", "flash.account.rejected");
		return "redirect:/admin/accounts";
	}

	private String showReview(Account account, Model model, Locale locale) {
		if (!model.containsAttribute("reassign")) {
			ReassignForm reassign = new ReassignForm();
			reassign.setVersion(account.getVersion());
			reassign.setParticipantCode(account.getParticipantCode());
			reassign.setOrganisationId(account.getOrganisationId());
			model.addAttribute("reassign", reassign);
		}
		for (String name : List.of("decision", "factorReset")) {
			if (!model.containsAttribute(name)) {
				DecisionForm decision = new DecisionForm();
				decision.setVersion(account.getVersion());
				model.addAttribute(name, decision);
			}
		}
		if (account.getRole() == Role.REQUESTER) {
			model.addAttribute("participants", this.directory.activeParticipants(locale));
		}
		else if (account.getRole() == Role.PROVIDER) {
			model.addAttribute("organisations", this.directory.activeOrganisations());
		}
		model.addAttribute("secondFactorSetUp", this.secondFactors.isSetUp(account.getId()));
		model.addAttribute("account",
				new AccountView(account,
						this.directory.participantName(account.getParticipantCode(), locale).orElse(null),
						this.directory.organisation(account.getOrganisationId()).orElse(null)));
		return "accounts/admin-account";
	}

	/** An account with the names of its participant and organisation, for the pages. */
	record AccountView(Account account, String participantName, OrganisationSummary organisation) {
	}
}
