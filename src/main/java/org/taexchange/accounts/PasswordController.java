package org.taexchange.accounts;

import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?" and the page a mailed link opens to set a password (a reset or an
 * invitation). Both are public: the person is not signed in.
 */
@Controller
class PasswordController {

	private final PasswordLinks links;

	PasswordController(PasswordLinks links) {
		this.links = links;
	}

	@GetMapping("/password/forgot")
	String forgotForm(Model model) {
		model.addAttribute("forgot", new EmailForm());
		return "accounts/forgot";
	}

	/** The same answer whether or not the address has an account (the rate limit keys on {@code email}). */
	@PostMapping("/password/forgot")
	String forgot(@Valid @ModelAttribute("forgot") EmailForm form, BindingResult result) {
		if (!result.hasFieldErrors("email") && !EmailAddress.isValid(form.getEmail())) {
			result.rejectValue("email", "email.invalid");
		}
		if (result.hasErrors()) {
			return "accounts/forgot";
		}
		this.links.requestReset(form.getEmail());
		return "redirect:/password/forgot?sent";
	}

	/** Shows a form rather than acting at once: mail scanners that open links change nothing. */
	@GetMapping("/password/reset")
	String resetForm(@RequestParam(name = "token", required = false) String token, Model model) {
		PasswordForm form = new PasswordForm();
		form.setToken(token);
		model.addAttribute("newPassword", form);
		return showReset(this.links.open(token), model);
	}

	@PostMapping("/password/reset")
	String reset(@ModelAttribute("newPassword") PasswordForm form, BindingResult result, Model model) {
		Optional<PasswordLinks.Opened> opened = this.links.open(form.getToken());
		if (opened.isEmpty()) {
			return showReset(opened, model);
		}
		form.validate(opened.get().person(), result);
		if (result.hasErrors() || !this.links.setPassword(form.getToken(), form.getPassword())) {
			form.forget();
			return showReset(this.links.open(form.getToken()), model);
		}
		return "redirect:/login?passwordSet";
	}

	private static String showReset(Optional<PasswordLinks.Opened> opened, Model model) {
		model.addAttribute("usable", opened.isPresent());
		model.addAttribute("invitation",
				opened.map(o -> o.purpose() == PasswordToken.Purpose.INVITATION).orElse(false));
		return "accounts/reset";
	}
}
