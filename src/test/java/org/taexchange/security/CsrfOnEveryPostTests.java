package org.taexchange.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every POST the application maps, and the sign-in and sign-out the security filters answer, is
 * refused without a CSRF token or with a wrong one, whoever sends it. The list comes from the
 * application's own mappings, so a new form is covered the day it is added.
 */
@IntegrationTest
class CsrfOnEveryPostTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	ApplicationContext context;

	@Test
	void everyPostIsRefusedWithoutACsrfTokenOrWithAWrongOne() throws Exception {
		Set<String> paths = postPaths();
		assertThat(paths).as("POST mappings found (sanity check of the lookup)")
			.hasSizeGreaterThan(20)
			.contains("/register", "/admin/accounts/1/approve", "/requests/drafts/1/attachments");
		paths.add("/login");
		paths.add("/logout");
		for (Visitor visitor : Visitor.ROLES) {
			for (String path : paths) {
				int without = this.mvc.perform(post(path).param("version", "0").with(visitor.as(this.people)))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(without).as("POST %s without a CSRF token as %s", path, visitor).isEqualTo(403);
				int wrong = this.mvc
					.perform(post(path).param("version", "0").with(csrf().useInvalidToken()).with(visitor.as(this.people)))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(wrong).as("POST %s with a wrong CSRF token as %s", path, visitor).isEqualTo(403);
			}
		}
	}

	/** The application's POST paths, each variable replaced by 1. */
	private Set<String> postPaths() {
		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<String> paths = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			boolean ours = entry.getValue().getBeanType().getPackageName().startsWith("org.taexchange");
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (ours && (methods.isEmpty() || methods.contains(RequestMethod.POST))) {
				for (String pattern : info.getPatternValues()) {
					paths.add(pattern.replaceAll("\\{[^}]+}", "1"));
				}
			}
		}
		return paths;
	}
}
