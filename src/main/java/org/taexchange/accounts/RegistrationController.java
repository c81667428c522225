package org.taexchange.accounts;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.taexchange.participants.Directory;
import org.taexchange.participants.OrganisationType;

/** Registration, sign-in page, and the link that verifies an email address. */
@Controller
class RegistrationController {

	private final Registration registration;

	private final Directory directory;

	RegistrationController(Registration registration, Directory directory) {
		this.registration = registration;
		this.directory = directory;
	}

	@GetMapping("/login")
	String login() {
		return "accounts/login";
	}

	@GetMapping("/register")
	String registerForm(@RequestParam(name = "as", required = false) String as, Model model, Locale locale) {
		RegistrationForm form = new RegistrationForm();
		if ("provider".equals(as)) {
			form.setAccountType(Role.PROVIDER);
		}
		else if ("requester".equals(as)) {
			form.setAccountType(Role.REQUESTER);
		}
		form.setLanguage(locale.getLanguage());
		model.addAttribute("registration", form);
		return showForm(model, locale);
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("registration") RegistrationForm form, BindingResult result, Model model,
			Locale locale) {
		this.registration.validate(form, result);
		if (result.hasErrors()) {
			form.setPassword(null);
			form.setPasswordConfirmation(null);
			return showForm(model, locale);
		}
		try {
			this.registration.register(form);
		}
		catch (DataIntegrityViolationException ex) {
			// Two registrations with the same new address at once: the unique index kept one. The
			// other person sees the same page as anyone registering an address that has an account.
		}
		return "redirect:/registered";
	}

	private String showForm(Model model, Locale locale) {
		model.addAttribute("participants", this.directory.activeParticipants(locale));
		model.addAttribute("organisations", this.directory.activeOrganisations());
		model.addAttribute("organisationTypes", OrganisationType.values());
		return "accounts/register";
	}

	@GetMapping("/registered")
	String registered() {
		return "accounts/registered";
	}

	/** Shows a button rather than verifying at once: mail scanners that open links verify nothing. */
	@GetMapping("/verify")
	String verifyPage(@RequestParam(name = "token", required = false) String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("usable", this.registration.isUsable(token));
		return "accounts/verify";
	}

	@PostMapping("/verify")
	String verify(@RequestParam(name = "token", required = false) String token) {
		boolean verified = this.registration.verify(token);
		return verified ? "redirect:/verify?done" : "redirect:/verify?failed";
	}
}
