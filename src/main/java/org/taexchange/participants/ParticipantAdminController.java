package org.taexchange.participants;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.platform.NotFound;
import org.taexchange.platform.Versions;

/** Admins keep the list of participants and their membership history. */
@Controller
class ParticipantAdminController {

	private final Participants participants;

	private final ParticipantNames names;

	private final Clock clock;

	ParticipantAdminController(Participants participants, ParticipantNames names, Clock clock) {
		this.participants = participants;
		this.names = names;
		this.clock = clock;
	}

	@ModelAttribute("participantTypes")
	ParticipantType[] participantTypes() {
		return ParticipantType.values();
	}

	@ModelAttribute("membershipStatuses")
	MembershipStatus[] membershipStatuses() {
		return MembershipStatus.values();
	}

	@GetMapping("/admin/participants")
	@Transactional(readOnly = true)
	String list(Model model, Locale locale) {
		LocalDate today = LocalDate.now(this.clock);
		List<ParticipantRow> rows = this.participants.findAll()
			.stream()
			.map(p -> new ParticipantRow(p, this.names.of(p, locale), p.currentStatus(today).orElse(null)))
			.sorted(Comparator.comparing(ParticipantRow::name))
			.toList();
		model.addAttribute("participants", rows);
		return "participants/admin-participants";
	}

	@GetMapping("/admin/participants/new")
	String newForm(Model model) {
		ParticipantForm form = new ParticipantForm();
		form.setType(ParticipantType.STATE);
		form.setAdmittedOn(LocalDate.now(this.clock));
		model.addAttribute("participant", form);
		return "participants/admin-participant-new";
	}

	@PostMapping("/admin/participants")
	@Transactional
	String create(@Valid @ModelAttribute("participant") ParticipantForm form, BindingResult result,
			Authentication admin, RedirectAttributes redirect) {
		if (form.getAdmittedOn() == null) {
			result.rejectValue("admittedOn", "field.required");
		}
		if (!result.hasFieldErrors("code") && this.participants.existsById(form.getCode().strip().toUpperCase(Locale.ROOT))) {
			result.rejectValue("code", "participant.code.taken");
		}
		if (result.hasErrors()) {
			return "participants/admin-participant-new";
		}
		Participant participant = Participant.admit(form.details(), form.getAdmittedOn(), admin.getName(), this.clock);
		this.participants.save(participant);
		redirect.addFlashAttribute("flash", "flash.participant.saved");
		return "redirect:/admin/participants/" + participant.getCode();
	}

	@GetMapping("/admin/participants/{code}")
	@Transactional(readOnly = true)
	String edit(@PathVariable String code, Model model, Locale locale) {
		Participant participant = find(code);
		model.addAttribute("participant", ParticipantForm.of(participant));
		StatusForm status = new StatusForm();
		status.setEffectiveDate(LocalDate.now(this.clock));
		status.setVersion(participant.getVersion());
		model.addAttribute("statusChange", status);
		return showEdit(participant, model, locale);
	}

	@PostMapping("/admin/participants/{code}")
	@Transactional
	String update(@PathVariable String code, @Valid @ModelAttribute("participant") ParticipantForm form,
			BindingResult result, Authentication admin, Model model, Locale locale, RedirectAttributes redirect) {
		Participant participant = find(code);
		form.setCode(participant.getCode());
		if (result.hasErrors()) {
			StatusForm status = new StatusForm();
			status.setVersion(participant.getVersion());
			model.addAttribute("statusChange", status);
			return showEdit(participant, model, locale);
		}
		Versions.requireUnchanged(Participant.class, participant.getCode(), participant.getVersion(),
				form.getVersion());
		participant.update(form.details(), admin.getName(), this.clock);
		this.participants.save(participant);
		redirect.addFlashAttribute("flash", "flash.participant.saved");
		return "redirect:/admin/participants/" + participant.getCode();
	}

	@PostMapping("/admin/participants/{code}/status")
	@Transactional
	String changeStatus(@PathVariable String code, @Valid @ModelAttribute("statusChange") StatusForm form,
			BindingResult result, Authentication admin, Model model, Locale locale, RedirectAttributes redirect) {
		Participant participant = find(code);
		if (result.hasErrors()) {
			model.addAttribute("participant", ParticipantForm.of(participant));
			return showEdit(participant, model, locale);
		}
		Versions.requireUnchanged(Participant.class, participant.getCode(), participant.getVersion(),
				form.getVersion());
		participant.changeStatus(form.getStatus(), form.getEffectiveDate(), blankToNull(form.getNote()),
				admin.getName(), this.clock);
		this.participants.save(participant);
		redirect.addFlashAttribute("flash", "flash.participant.statusChanged");
		return "redirect:/admin/participants/" + participant.getCode();
	}

	private String showEdit(Participant participant, Model model, Locale locale) {
		model.addAttribute("current", participant);
		model.addAttribute("displayName", this.names.of(participant, locale));
		model.addAttribute("currentStatus", participant.currentStatus(LocalDate.now(this.clock)).orElse(null));
		return "participants/admin-participant";
	}

	private Participant find(String code) {
		return this.participants.findById(code.toUpperCase(Locale.ROOT)).orElseThrow(() -> new NotFound("participant"));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** A line of the participants list. */
	record ParticipantRow(Participant participant, String name, MembershipStatus status) {
	}
}
