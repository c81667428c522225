package org.taexchange.platform;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Who may open what. Public pages explain the programme and let people register; everything else
 * needs a signed-in person, and the admin area a coordinator (participants and organisations: an admin).
 * <p>
 * Second factor ({@link SecondFactor}): the admin area asks every coordinator and admin for a code from
 * their authenticator app or one of their passkeys, and sends those who have neither to set one up.
 * Anyone who set one up (an official or a provider may) is asked for it on every page that needs signing
 * in. Approving an account or a match asks for it again when the last one is older than
 * {@code stepUpAfter}. Passkeys use Spring Security's WebAuthn support, after the password only
 * ({@link PasskeyAfterPassword}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'; object-src 'none'";

	/**
	 * The browser features no page of the portal uses are turned off for it and anything it might
	 * embed. Passkeys (publickey-credentials-*) stay allowed for the portal itself.
	 */
	static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), bluetooth=(), camera=(), "
			+ "display-capture=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), "
			+ "microphone=(), midi=(), payment=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), "
			+ "publickey-credentials-create=(self), publickey-credentials-get=(self)";

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, RoleBasedLandingPage landingPage, RateLimits rateLimits,
			ObjectProvider<SessionStanding> sessionStanding, RoleHierarchy roles, SecondFactor secondFactor,
			ObjectProvider<SecondFactor.PasskeyUse> passkeyUse, ObjectProvider<WebAuthnRelyingPartyOperations> relyingParty,
			ObjectProvider<UserDetailsService> people) throws Exception {
		// either factor (authenticator app or passkey) will do; for a decision, one given recently
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> staff = new DefaultAuthorizationManagerFactory<>();
		staff.setAdditionalAuthorization(new EitherFactor(null));
		staff.setRoleHierarchy(roles);
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> stepUp = new DefaultAuthorizationManagerFactory<>();
		stepUp.setAdditionalAuthorization(new EitherFactor(secondFactor.stepUpAfter()));
		stepUp.setRoleHierarchy(roles);
		http.authorizeHttpRequests(requests -> requests
			// asking for the code: signed in with the password, without the second factor yet
			.requestMatchers(SecondFactor.CHALLENGE_PAGE)
			.access(AuthenticatedAuthorizationManager.authenticated())
			.requestMatchers("/", "/accessibility", "/login", "/register", "/registered", "/verify", "/error",
					"/css/**", "/js/**", "/images/**", "/favicon.ico", "/webjars/**")
			.permitAll()
			// a forgotten password, and the mailed link that sets a new one (reset or invitation)
			.requestMatchers("/password/forgot", "/password/reset")
			.permitAll()
			// a visitor may fill in the first step of a request, or an offer, before signing in
			.requestMatchers("/requests/new", "/requests/new/account", "/offers/new", "/offers/new/account")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers("/actuator/**")
			.access(staff.hasRole("ADMIN"))
			// decisions that ask staff for a recent code (step-up); on a match, others are answered by the
			// controller (404 for a match they may not see)
			// removing passkeys goes through the page of the second factor, which keeps a staff member's last one
			.requestMatchers(HttpMethod.DELETE, "/webauthn/register/**")
			.denyAll()
			.requestMatchers(HttpMethod.POST, "/admin/accounts/*/approve")
			.access(stepUp.hasRole("COORDINATOR"))
			.requestMatchers(HttpMethod.POST, "/matches/*/approve")
			.access(ofStaff(stepUp.authenticated(), authorizationManagerFactory(roles).authenticated()))
			// coordinators approve accounts; only admins disable, enable, move them or reset their second factor,
			// with a recent code too
			.requestMatchers(HttpMethod.POST, "/admin/accounts/*/disable", "/admin/accounts/*/enable",
					"/admin/accounts/*/reassign", "/admin/accounts/*/reset-factor", "/admin/staff/**")
			.access(stepUp.hasRole("ADMIN"))
			.requestMatchers("/admin/participants/**", "/admin/organisations/**", "/admin/security/**",
					"/admin/staff/**")
			.access(staff.hasRole("ADMIN"))
			.requestMatchers("/admin", "/admin/**")
			.access(staff.hasRole("COORDINATOR"))
			.anyRequest()
			.authenticated());
		http.exceptionHandling(exceptions -> exceptions
			.defaultDeniedHandlerForMissingAuthority(new SecondFactorEntryPoint(), SecondFactor.AUTHORITY));
		http.formLogin(form -> form.loginPage("/login")
			.usernameParameter("email")
			.successHandler(landingPage)
			.failureUrl("/login?error")
			.permitAll());
		passkeyUse.ifAvailable(use -> http.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new PasskeyAfterPassword(relyingParty.getObject(), people.getObject(), use,
					landingPage))));
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").permitAll());
		// before the password is checked, after the CSRF check and after the session's sign-in is known
		http.addFilterBefore(new RateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class);
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		sessionStanding.ifAvailable(
				standing -> http.addFilterBefore(new SessionStandingFilter(standing), AuthorizationFilter.class));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
			.crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * The rules written with {@code authenticated()} and {@code hasRole(...)} above: a person who set up
	 * a second factor must have given it, whoever they are.
	 */
	@Bean
	AuthorizationManagerFactory<RequestAuthorizationContext> authorizationManagerFactory(RoleHierarchy roles) {
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factory = new DefaultAuthorizationManagerFactory<>();
		factory.setRoleHierarchy(roles);
		factory.setAdditionalAuthorization(new FactorOfThoseWhoHaveOne());
		return factory;
	}

	/** One rule for coordinators and admins, another for everyone else. */
	private static AuthorizationManager<RequestAuthorizationContext> ofStaff(
			AuthorizationManager<RequestAuthorizationContext> staff,
			AuthorizationManager<RequestAuthorizationContext> others) {
		return (authentication, context) -> {
			Authentication who = authentication.get();
			boolean isStaff = who != null && who.getPrincipal() instanceof SecondFactor.Holder holder
					&& holder.isStaff();
			return (isStaff ? staff : others).authorize(authentication, context);
		};
	}

	/** Asks for the second factor only of a person who has set one up. */
	static final class FactorOfThoseWhoHaveOne implements AuthorizationManager<RequestAuthorizationContext> {

		private final EitherFactor factor = new EitherFactor(null);

		@Override
		public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
				RequestAuthorizationContext context) {
			Authentication who = authentication.get();
			if (who != null && who.getPrincipal() instanceof SecondFactor.Holder holder && holder.hasSecondFactor()) {
				return this.factor.authorize(authentication, context);
			}
			return new AuthorizationDecision(true);
		}
	}

	/**
	 * The second factor: a code from the authenticator app or a passkey, whichever the person gave; for
	 * a decision (step-up), one given within {@code validFor}. Each kind is Spring Security's own factor
	 * rule; refused, the answer names the app's factor, so that {@link SecondFactorEntryPoint} asks for it
	 * (its page offers the passkey too).
	 */
	static final class EitherFactor implements AuthorizationManager<RequestAuthorizationContext> {

		private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> code;

		private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passkey;

		EitherFactor(Duration validFor) {
			this.code = factor(SecondFactor.AUTHORITY, validFor);
			this.passkey = factor(SecondFactor.PASSKEY_AUTHORITY, validFor);
		}

		private static AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> factor(String authority,
				Duration validFor) {
			return AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
				.requireFactor(required -> required.authority(authority).validDuration(validFor))
				.build();
		}

		@Override
		public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
				RequestAuthorizationContext context) {
			AuthorizationResult byPasskey = this.passkey.authorize(authentication, context);
			return byPasskey.isGranted() ? byPasskey : this.code.authorize(authentication, context);
		}
	}

	/** Admins can do everything coordinators can. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("COORDINATOR").build();
	}

	/**
	 * Argon2id for every new hash, with OWASP's first recommended setting (Password Storage Cheat Sheet,
	 * 2025): 19 MiB of memory, 2 iterations, 1 lane, a 16-byte salt and a 32-byte hash. Each hash
	 * records its own parameters ({@code $argon2id$v=19$m=…,t=…,p=…$}), so hashes made with other
	 * settings (Spring's former defaults, m=16 MiB) still verify. BCrypt is kept only to read older
	 * hashes: it ignores everything after 72 bytes, and our policy allows pass phrases up to 128 characters.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
	}
}
