package org.taexchange.platform;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what. Public pages explain the programme and let people register; everything else
 * needs a signed-in person, and the admin area a coordinator (participants and organisations: an admin).
 * <p>
 * Second factor ({@link SecondFactor}): the admin area asks every coordinator and admin for a code from
 * their authenticator app, and sends those who have none to set one up. Anyone who set one up (an
 * official or a provider may) is asked for it on every page that needs signing in. Approving an account
 * or a match asks for the code again when the last one is older than {@code stepUpAfter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'self'; object-src 'none'";

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, RoleBasedLandingPage landingPage, RoleHierarchy roles,
			SecondFactor secondFactor) throws Exception {
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> staff = AuthorizationManagerFactories
			.<RequestAuthorizationContext>multiFactor()
			.requireFactors(SecondFactor.AUTHORITY)
			.build();
		staff.setRoleHierarchy(roles);
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> stepUp = AuthorizationManagerFactories
			.<RequestAuthorizationContext>multiFactor()
			.requireFactor(factor -> factor.authority(SecondFactor.AUTHORITY).validDuration(secondFactor.stepUpAfter()))
			.build();
		stepUp.setRoleHierarchy(roles);
		http.authorizeHttpRequests(requests -> requests
			// asking for the code: signed in with the password, without the second factor yet
			.requestMatchers(SecondFactor.CHALLENGE_PAGE)
			.access(AuthenticatedAuthorizationManager.authenticated())
			.requestMatchers("/", "/accessibility", "/login", "/register", "/registered", "/verify", "/error",
					"/css/**", "/js/**", "/images/**", "/favicon.ico", "/webjars/**")
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
			.requestMatchers(HttpMethod.POST, "/admin/accounts/*/approve")
			.access(stepUp.hasRole("COORDINATOR"))
			.requestMatchers(HttpMethod.POST, "/matches/*/approve")
			.access(ofStaff(stepUp.authenticated(), authorizationManagerFactory(roles).authenticated()))
			.requestMatchers("/admin/participants/**", "/admin/organisations/**")
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
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").permitAll());
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults()));
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

		private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> factor = AllRequiredFactorsAuthorizationManager
			.<RequestAuthorizationContext>builder()
			.requireFactor(required -> required.authority(SecondFactor.AUTHORITY))
			.build();

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

	/** Admins can do everything coordinators can. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("COORDINATOR").build();
	}

	/**
	 * Argon2 for every new hash. BCrypt is kept only to read older hashes: it ignores everything after
	 * 72 bytes, and our policy allows pass phrases up to 128 characters.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}
}
