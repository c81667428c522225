package org.taexchange.accounts;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create coordinator and admin accounts by invitation: the invitee sets the password. */
@Controller
class StaffInvitationController {

	private final StaffInvitations invitations;

	StaffInvitationController(StaffInvitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping("/admin/staff/invite")
	String form(Model model) {
		model.addAttribute("invitation", new InvitationForm());
		return show(model);
	}

	@PostMapping("/admin/staff/invite")
	String invite(@Valid @ModelAttribute("invitation") InvitationForm form, BindingResult result,
			@AuthenticationPrincipal AccountUser admin, Model model, RedirectAttributes redirect) {
		this.invitations.validate(form, result);
		if (result.hasErrors()) {
			return show(model);
		}
		try {
			this.invitations.invite(form, admin.getUsername());
		}
		catch (DataIntegrityViolationException ex) {
			// the same address invited twice at once: the unique index kept one
			result.rejectValue("email", "invitation.email.taken");
			return show(model);
		}
		redirect.addFlashAttribute("flash", "flash.staff.invited");
		return "redirect:/admin/staff/invite";
	}

	private static String show(Model model) {
		model.addAttribute("staffRoles", new Role[] { Role.COORDINATOR, Role.ADMIN });
		return "accounts/invite";
	}
}
