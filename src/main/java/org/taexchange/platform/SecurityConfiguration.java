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
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what. Public pages explain the programme and let people register; everything else
 * needs a signed-in person, and the admin area a coordinator (participants and organisations: an admin).
 */
@Configuration(proxyBeanMethods = false)
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
			.requestMatchers("/admin/participants/**", "/admin/organisations/**", "/admin/security/**", "/admin/staff/**")
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
