package org.taexchange.accounts;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.taexchange.platform.NotFound;
import org.taexchange.platform.PendingDecision;
import org.taexchange.platform.SecondFactor;

/**
 * The second factor: the page that asks for the code after the password (or again before an
 * approval), setting up an authenticator app with its QR code, and the recovery codes shown once.
 */
@Controller
class SecondFactorController {

	static final String ENROLMENT_SECRET = SecondFactorController.class.getName() + ".secret";

	private final SecondFactors secondFactors;

	private final AccountUserDetailsService people;

	private final AuthenticationSuccessHandler landingPage;

	private final SecondFactorSignIn signIn;

	private final Passkeys passkeys;

	private final Accounts accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorController(SecondFactors secondFactors, AccountUserDetailsService people,
			AuthenticationSuccessHandler landingPage, SecondFactorSignIn signIn, Passkeys passkeys, Accounts accounts) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.people = people;
		this.landingPage = landingPage;
		this.signIn = signIn;
		this.passkeys = passkeys;
	}

	@GetMapping(SecondFactor.CHALLENGE_PAGE)
	String challenge(@AuthenticationPrincipal AccountUser user, Model model, RedirectAttributes redirect,
			HttpSession session) {
		if (!this.secondFactors.isSetUp(user.id()) && !this.passkeys.anyOf(user.getUsername())) {
			return toEnrolment(redirect);
		}
		model.addAttribute("codeForm", new CodeForm());
		return challengePage(user, model, session);
	}

	/** The page asks for whichever factors the person has: a code from the app, a passkey, or both. */
	private String challengePage(AccountUser user, Model model, HttpSession session) {
		model.addAttribute("stepUp", session.getAttribute(PendingDecision.SESSION_ATTRIBUTE) != null);
		model.addAttribute("app", this.secondFactors.isSetUp(user.id()));
		model.addAttribute("hasPasskeys", this.passkeys.anyOf(user.getUsername()));
		return "accounts/code";
	}

	@PostMapping(SecondFactor.CHALLENGE_PAGE)
	String checkCode(@AuthenticationPrincipal AccountUser user, @Validated @ModelAttribute("codeForm") CodeForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) throws IOException, ServletException {
		if (!this.secondFactors.isSetUp(user.id())) {
			return this.passkeys.anyOf(user.getUsername()) ? "redirect:" + SecondFactor.CHALLENGE_PAGE
					: toEnrolment(redirect);
		}
		HttpSession session = request.getSession();
		if (result.hasErrors()) {
			return challengePage(user, model, session);
		}
		switch (this.secondFactors.check(user.id(), form.getCode())) {
			case REFUSED -> {
				result.rejectValue("code", "secondFactor.code.wrong");
				return challengePage(user, model, session);
			}
			case LOCKED -> {
				new SecurityContextLogoutHandler().logout(request, response,
						SecurityContextHolder.getContext().getAuthentication());
				return "redirect:/login?error";
			}
			case ACCEPTED -> {
				Authentication signedIn = withFactor(user, request, response);
				if (session.getAttribute(PendingDecision.SESSION_ATTRIBUTE) != null) {
					return "redirect:" + SecondFactor.CONTINUE_PAGE;
				}
				this.landingPage.onAuthenticationSuccess(request, response, signedIn);
				return null;
			}
		}
		throw new IllegalStateException();
	}

	/** After the code, the decision that asked for it, to send again on one press. */
	@GetMapping(SecondFactor.CONTINUE_PAGE)
	String pendingDecision(HttpSession session, Model model) {
		if (!(session.getAttribute(PendingDecision.SESSION_ATTRIBUTE) instanceof PendingDecision pending)) {
			return "redirect:/";
		}
		session.removeAttribute(PendingDecision.SESSION_ATTRIBUTE);
		model.addAttribute("pending", pending);
		return "accounts/continue";
	}

	@GetMapping(SecondFactor.ENROLMENT_PAGE)
	String enrolment(@AuthenticationPrincipal AccountUser user, Model model, HttpSession session) {
		model.addAttribute("passkeys", this.passkeys.of(user.getUsername()));
		if (this.secondFactors.isSetUp(user.id())) {
			model.addAttribute("unusedRecoveryCodes", this.secondFactors.unusedRecoveryCodes(user.id()));
			return "accounts/second-factor-on";
		}
		model.addAttribute("codeForm", new CodeForm());
		return showEnrolment(user, model, session);
	}

	@GetMapping(SecondFactor.ENROLMENT_PAGE + "/qr-code.png")
	ResponseEntity<byte[]> qrCode(@AuthenticationPrincipal AccountUser user, HttpSession session) {
		if (!(session.getAttribute(ENROLMENT_SECRET) instanceof String secret)) {
			throw new NotFound("enrolment");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(TimeBasedCodes.qrCodePng(TimeBasedCodes.enrolmentAddress(secret, user.getUsername())));
	}

	@PostMapping(SecondFactor.ENROLMENT_PAGE)
	String enrol(@AuthenticationPrincipal AccountUser user, @Validated @ModelAttribute("codeForm") CodeForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		HttpSession session = request.getSession();
		if (this.secondFactors.isSetUp(user.id())) {
			return "redirect:" + SecondFactor.ENROLMENT_PAGE;
		}
		if (!(session.getAttribute(ENROLMENT_SECRET) instanceof String secret)) {
			return "redirect:" + SecondFactor.ENROLMENT_PAGE;
		}
		List<String> recoveryCodes = result.hasErrors() ? null
				: this.secondFactors.enrol(user.id(), secret, form.getCode().strip());
		if (recoveryCodes == null) {
			if (!result.hasErrors()) {
				result.rejectValue("code", "secondFactor.code.wrong");
			}
			model.addAttribute("passkeys", this.passkeys.of(user.getUsername()));
			return showEnrolment(user, model, session);
		}
		session.removeAttribute(ENROLMENT_SECRET);
		// the principal now knows the factor is set up; the code just given counts as the factor
		withFactor((AccountUser) this.people.loadUserByUsername(user.getUsername()), request, response);
		redirect.addFlashAttribute("recoveryCodes", recoveryCodes);
		return "redirect:" + SecondFactor.ENROLMENT_PAGE + "/recovery-codes";
	}

	/** Shown once, right after setting up the app; a reload shows the page of the second factor. */
	@GetMapping(SecondFactor.ENROLMENT_PAGE + "/recovery-codes")
	String recoveryCodes(Model model) {
		if (!model.containsAttribute("recoveryCodes")) {
			return "redirect:" + SecondFactor.ENROLMENT_PAGE;
		}
		return "accounts/recovery-codes";
	}

	/**
	 * Removes one of the person's passkeys; a passkey of someone else is not found. A coordinator or
	 * admin keeps their last second factor: the admin area could not be opened without it.
	 */
	@PostMapping(SecondFactor.ENROLMENT_PAGE + "/passkeys/{id}/remove")
	String removePasskey(@AuthenticationPrincipal AccountUser user, @PathVariable String id,
			RedirectAttributes redirect) {
		List<Passkeys.Passkey> own = this.passkeys.of(user.getUsername());
		if (own.stream().noneMatch(passkey -> passkey.id().equals(id))) {
			throw new NotFound("passkey");
		}
		if (user.isStaff() && own.size() == 1 && !this.secondFactors.isSetUp(user.id())) {
			redirect.addFlashAttribute("flash", "flash.passkey.lastFactor");
			return "redirect:" + SecondFactor.ENROLMENT_PAGE;
		}
		Account account = this.accounts.findById(user.id()).orElseThrow();
		this.passkeys.remove(account, id);
		redirect.addFlashAttribute("flash", "flash.passkey.removed");
		return "redirect:" + SecondFactor.ENROLMENT_PAGE;
	}

	private String showEnrolment(AccountUser user, Model model, HttpSession session) {
		String secret = session.getAttribute(ENROLMENT_SECRET) instanceof String kept ? kept
				: TimeBasedCodes.newSecret();
		session.setAttribute(ENROLMENT_SECRET, secret);
		model.addAttribute("secret", secret.replaceAll("(.{4})(?=.)", "$1 "));
		model.addAttribute("staff", user.isStaff());
		return "accounts/second-factor";
	}

	private static String toEnrolment(RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", "flash.secondFactor.needed");
		return "redirect:" + SecondFactor.ENROLMENT_PAGE;
	}

	/**
	 * The person gave their second factor: the session's sign-in gains it (when it was given, for the
	 * step-up), under a new session id.
	 */
	private Authentication withFactor(AccountUser principal, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication signedIn = this.signIn.withFactor(principal,
				SecurityContextHolder.getContext().getAuthentication(), SecondFactor.AUTHORITY);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
		return signedIn;
	}
}
