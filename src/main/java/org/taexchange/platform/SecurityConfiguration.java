package org.taexchange.platform;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what. Public pages explain the programme and let people register; everything else
 * needs a signed-in person, and the admin area a coordinator (participants and organisations: an admin).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'self'; object-src 'none'";

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, RoleBasedLandingPage landingPage,
			ObjectProvider<SessionStanding> sessionStanding) throws Exception {
		http.authorizeHttpRequests(requests -> requests
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
			.hasRole("ADMIN")
			.requestMatchers("/admin/participants/**", "/admin/organisations/**", "/admin/staff/**")
			.hasRole("ADMIN")
			// coordinators approve accounts; only admins disable, enable or move them
			.requestMatchers("/admin/accounts/*/disable", "/admin/accounts/*/enable", "/admin/accounts/*/reassign")
			.hasRole("ADMIN")
			.requestMatchers("/admin", "/admin/**")
			.hasRole("COORDINATOR")
			.anyRequest()
			.authenticated());
		http.formLogin(form -> form.loginPage("/login")
			.usernameParameter("email")
			.successHandler(landingPage)
			.failureUrl("/login?error")
			.permitAll());
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").permitAll());
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		sessionStanding.ifAvailable(
				standing -> http.addFilterBefore(new SessionStandingFilter(standing), AuthorizationFilter.class));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults()));
		return http.build();
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
