package org.taexchange.participants;

import java.time.Clock;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.platform.NotFound;
import org.taexchange.platform.Versions;

/** Admins keep the list of organisations that offer expertise. */
@Controller
class OrganisationAdminController {

	private final Organisations organisations;

	private final Participants participants;

	private final Directory directory;

	private final Clock clock;

	OrganisationAdminController(Organisations organisations, Participants participants, Directory directory,
			Clock clock) {
		this.organisations = organisations;
		this.participants = participants;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/admin/organisations")
	String list(Model model, Locale locale) {
		model.addAttribute("organisations", this.organisations.findAllByOrderByStatusAscNameAsc());
		model.addAttribute("participantNames", this.directory.participantNames(locale));
		return "participants/admin-organisations";
	}

	@GetMapping("/admin/organisations/new")
	String newForm(Model model, Locale locale) {
		model.addAttribute("organisation", new OrganisationForm());
		return showForm(null, model, locale);
	}

	@PostMapping("/admin/organisations")
	@Transactional
	String create(@Valid @ModelAttribute("organisation") OrganisationForm form, BindingResult result,
			Authentication admin, Model model, Locale locale, RedirectAttributes redirect) {
		validate(form, result, null);
		if (result.hasErrors()) {
			return showForm(null, model, locale);
		}
		this.organisations.save(Organisation.add(form.details(), admin.getName(), this.clock));
		redirect.addFlashAttribute("flash", "flash.organisation.saved");
		return "redirect:/admin/organisations";
	}

	@GetMapping("/admin/organisations/{id}")
	String edit(@PathVariable long id, Model model, Locale locale) {
		Organisation organisation = find(id);
		model.addAttribute("organisation", OrganisationForm.of(organisation));
		return showForm(organisation, model, locale);
	}

	@PostMapping("/admin/organisations/{id}")
	@Transactional
	String update(@PathVariable long id, @Valid @ModelAttribute("organisation") OrganisationForm form,
			BindingResult result, Authentication admin, Model model, Locale locale, RedirectAttributes redirect) {
		Organisation organisation = find(id);
		validate(form, result, organisation);
		if (result.hasErrors()) {
			return showForm(organisation, model, locale);
		}
		Versions.requireUnchanged(Organisation.class, id, organisation.getVersion(), form.getVersion());
		organisation.update(form.details(), admin.getName(), this.clock);
		this.organisations.save(organisation);
		redirect.addFlashAttribute("flash", "flash.organisation.saved");
		return "redirect:/admin/organisations";
	}

	/** Folds a duplicate into a vetted organisation, on the version the admin saw. */
	@PostMapping("/admin/organisations/{id}/merge")
	@Transactional
	String merge(@PathVariable long id, @RequestParam(required = false) Long into,
			@RequestParam(required = false) Long version, Authentication admin, RedirectAttributes redirect) {
		Organisation duplicate = find(id);
		Organisation target = into == null ? null : this.organisations.findById(into).orElse(null);
		if (target == null || target.getId() == id || target.getStatus() != OrganisationStatus.ACTIVE) {
			redirect.addFlashAttribute("flash", "flash.organisation.mergeTargetNeeded");
			return "redirect:/admin/organisations/" + id;
		}
		Versions.requireUnchanged(Organisation.class, id, duplicate.getVersion(), version);
		duplicate.mergeInto(target, admin.getName(), this.clock);
		this.organisations.save(duplicate);
		redirect.addFlashAttribute("flash", "flash.organisation.merged");
		return "redirect:/admin/organisations";
	}

	private void validate(OrganisationForm form, BindingResult result, Organisation existing) {
		if (form.getParticipantCode() != null && !form.getParticipantCode().isBlank()
				&& !this.participants.existsById(form.getParticipantCode())) {
			result.rejectValue("participantCode", "choice.unknown");
		}
		if (!result.hasFieldErrors("name") && form.getName() != null
				&& (existing == null || !existing.getName().equalsIgnoreCase(form.getName().strip()))
				&& this.organisations.existsByNameIgnoreCaseAndStatus(form.getName().strip(),
						OrganisationStatus.ACTIVE)) {
			result.rejectValue("name", "organisation.name.taken");
		}
	}

	private String showForm(Organisation existing, Model model, Locale locale) {
		model.addAttribute("existing", existing);
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("participantOptions", this.directory.activeParticipants(locale));
		model.addAttribute("mergeTargets", this.directory.activeOrganisations()
			.stream()
			.filter(o -> existing == null || !o.id().equals(existing.getId()))
			.toList());
		return "participants/admin-organisation";
	}

	private Organisation find(long id) {
		return this.organisations.findById(id).orElseThrow(() -> new NotFound("organisation"));
	}
}
