package org.taexchange.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.taexchange.platform.NotFound;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An account's details (name, email, position, authority) are for coordinators only: requesters and
 * providers cannot open anyone's account page, not even their own, and cannot tell from the answer
 * whether an account exists.
 */
@IntegrationTest
class AccountDataIsolationTests {

	private static final long UNKNOWN_ID = 987_654_321L;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void requestersAndProvidersCannotOpenAnyAccountIncludingTheirOwn() throws Exception {
		NewAccounts.registerRequester(this.mvc, "isolation");
		List<Long> ids = this.jdbc.queryForList("select id from account order by id", Long.class);
		assertThat(ids).as("accounts to try").hasSizeGreaterThanOrEqualTo(6);
		for (Visitor visitor : List.of(Visitor.REQUESTER, Visitor.PROVIDER)) {
			for (long id : ids) {
				MockHttpServletResponse response = this.mvc
					.perform(get("/admin/accounts/" + id).with(visitor.as(this.people)))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("GET /admin/accounts/%d as %s", id, visitor).isEqualTo(403);
				assertThat(response.getContentAsString()).as("answer to %s", visitor).doesNotContain("@example.org");
			}
		}
	}

	@Test
	void requestersAndProvidersGetTheSameRefusalForAnAccountThatDoesNotExist() throws Exception {
		for (Visitor visitor : List.of(Visitor.REQUESTER, Visitor.PROVIDER)) {
			int unknown = this.mvc.perform(get("/admin/accounts/" + UNKNOWN_ID).with(visitor.as(this.people)))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(unknown).as("GET of an unknown account as %s", visitor).isEqualTo(403);
		}
	}

	@Test
	void requestersAndProvidersCannotDecideOnAnAccount() throws Exception {
		String pending = NewAccounts.registerRequester(this.mvc, "decision");
		Map<String, Object> before = account(pending);
		for (Visitor visitor : List.of(Visitor.REQUESTER, Visitor.PROVIDER)) {
			for (String decision : List.of("approve", "reject")) {
				MockHttpServletResponse response = this.mvc
					.perform(post("/admin/accounts/" + before.get("id") + "/" + decision).with(csrf())
						.with(visitor.as(this.people))
						.param("version", String.valueOf(before.get("version")))
						.param("reason", "Tried by someone who may not decide"))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("POST %s as %s", decision, visitor).isEqualTo(403);
			}
		}
		assertThat(account(pending)).as("the account after the refused decisions").isEqualTo(before);
	}

	@Test
	void coordinatorsAndAdminsCanOpenAnyAccount() throws Exception {
		for (Visitor visitor : List.of(Visitor.COORDINATOR, Visitor.ADMIN)) {
			for (Visitor owner : List.of(Visitor.REQUESTER, Visitor.PROVIDER, Visitor.COORDINATOR, Visitor.ADMIN)) {
				long id = this.jdbc.queryForObject("select id from account where email = ?", Long.class, owner.email());
				MockHttpServletResponse response = this.mvc
					.perform(get("/admin/accounts/" + id).with(visitor.as(this.people)))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("GET the account of %s as %s", owner, visitor).isEqualTo(200);
				assertThat(response.getContentAsString()).as("the page of %s's account", owner).contains(owner.email());
			}
		}
	}

	@Test
	void anUnknownAccountIsNotFoundForACoordinator() throws Exception {
		String path = "/admin/accounts/" + UNKNOWN_ID;
		MvcResult result = this.mvc
			.perform(get(path).accept(MediaType.TEXT_HTML).with(Visitor.COORDINATOR.as(this.people)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(result.getResolvedException()).isInstanceOf(NotFound.class);

		// the page itself, as the servlet container renders it: ServletContainerSecurityTests
	}

	private Map<String, Object> account(String email) {
		return this.jdbc.queryForMap(
				"select id, status, version, decided_at, decided_by, decision_reason from account where email = ?",
				email);
	}
}
