package org.taexchange.accounts;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.audit.SecurityEvents;

/**
 * A person's own account: name, position and language; a new password; "sign out everywhere
 * else"; and (to come) the security events of the account.
 */
@Controller
class AccountPageController {

	private final AccountSettings settings;

	private final AccountSessions sessions;

	private final LocaleResolver localeResolver;

	private final SecurityEvents securityEvents;

	AccountPageController(AccountSettings settings, AccountSessions sessions, LocaleResolver localeResolver,
			SecurityEvents securityEvents) {
		this.settings = settings;
		this.securityEvents = securityEvents;
		this.sessions = sessions;
		this.localeResolver = localeResolver;
	}

	@GetMapping("/account")
	String page(@AuthenticationPrincipal AccountUser user, Model model) {
		Account account = this.settings.account(user.id());
		model.addAttribute("profile", ProfileForm.of(account));
		model.addAttribute("passwordChange", new PasswordForm());
		return show(account, model);
	}

	@PostMapping("/account")
	String updateProfile(@AuthenticationPrincipal AccountUser user,
			@Valid @ModelAttribute("profile") ProfileForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Account account = this.settings.account(user.id());
		if (!result.hasFieldErrors("language") && !"en".equals(form.getLanguage())
				&& !"fr".equals(form.getLanguage())) {
			result.rejectValue("language", "choice.unknown");
		}
		if ((account.getRole() == Role.REQUESTER || account.getRole() == Role.PROVIDER)
				&& !result.hasFieldErrors("position") && (form.getPosition() == null || form.getPosition().isBlank())) {
			result.rejectValue("position", "field.required");
		}
		if (result.hasErrors()) {
			model.addAttribute("passwordChange", new PasswordForm());
			return show(account, model);
		}
		this.settings.updateProfile(user.id(), form);
		// the language chosen here is the language of this session's pages too
		this.localeResolver.setLocale(request, response, Locale.forLanguageTag(form.getLanguage()));
		redirect.addFlashAttribute("flash", "flash.account.profileSaved");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountUser user,
			@ModelAttribute("passwordChange") PasswordForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Account account = this.settings.account(user.id());
		if (form.getCurrentPassword() == null || form.getCurrentPassword().isEmpty()) {
			result.rejectValue("currentPassword", "password.current.required");
		}
		form.validate(new PasswordPolicy.Person(account.getFullName(), account.getEmail()), result);
		if (!result.hasErrors()
				&& !this.settings.changePassword(user.id(), form.getCurrentPassword(), form.getPassword())) {
			result.rejectValue("currentPassword", "password.current.wrong");
		}
		if (result.hasErrors()) {
			form.forget();
			model.addAttribute("profile", ProfileForm.of(account));
			return show(account, model);
		}
		this.sessions.keepCurrent(user, request, response);
		redirect.addFlashAttribute("flash", "flash.account.passwordChanged");
		return "redirect:/account";
	}

	@PostMapping("/account/sessions")
	String endOtherSessions(@AuthenticationPrincipal AccountUser user, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.settings.endSessions(user.id());
		this.sessions.keepCurrent(user, request, response);
		redirect.addFlashAttribute("flash", "flash.account.sessionsEnded");
		return "redirect:/account";
	}

	private String show(Account account, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("securityEvents", this.securityEvents.latestOf(account.getEmail(), 20));
		return "accounts/account";
	}
}
