package org.taexchange.accounts;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
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

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorController(SecondFactors secondFactors, AccountUserDetailsService people,
			AuthenticationSuccessHandler landingPage, Clock clock) {
		this.secondFactors = secondFactors;
		this.people = people;
		this.landingPage = landingPage;
		this.clock = clock;
	}

	@GetMapping(SecondFactor.CHALLENGE_PAGE)
	String challenge(@AuthenticationPrincipal AccountUser user, Model model, RedirectAttributes redirect,
			HttpSession session) {
		if (!this.secondFactors.isSetUp(user.id())) {
			return toEnrolment(redirect);
		}
		model.addAttribute("codeForm", new CodeForm());
		model.addAttribute("stepUp", session.getAttribute(PendingDecision.SESSION_ATTRIBUTE) != null);
		return "accounts/code";
	}

	@PostMapping(SecondFactor.CHALLENGE_PAGE)
	String checkCode(@AuthenticationPrincipal AccountUser user, @Validated @ModelAttribute("codeForm") CodeForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) throws IOException, ServletException {
		if (!this.secondFactors.isSetUp(user.id())) {
			return toEnrolment(redirect);
		}
		HttpSession session = request.getSession();
		model.addAttribute("stepUp", session.getAttribute(PendingDecision.SESSION_ATTRIBUTE) != null);
		if (result.hasErrors()) {
			return "accounts/code";
		}
		switch (this.secondFactors.check(user.id(), form.getCode())) {
			case REFUSED -> {
				result.rejectValue("code", "secondFactor.code.wrong");
				return "accounts/code";
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
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>();
		principal.getAuthorities().forEach(authorities::add);
		current.getAuthorities()
			.stream()
			.filter(a -> a instanceof FactorGrantedAuthority && !SecondFactor.AUTHORITY.equals(a.getAuthority()))
			.forEach(authorities::add);
		authorities.add(FactorGrantedAuthority.withAuthority(SecondFactor.AUTHORITY).issuedAt(this.clock.instant()).build());
		Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
		return signedIn;
	}
}
