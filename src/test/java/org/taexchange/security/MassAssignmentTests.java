package org.taexchange.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration form makes requesters and providers only: a form sent with another account type,
 * or with fields of the account it should never set, creates no coordinator, no admin and no account
 * that is approved already.
 */
@IntegrationTest
class MassAssignmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRegistrationAskingForAStaffAccountCreatesNone() throws Exception {
		for (String type : new String[] { "ADMIN", "COORDINATOR", "admin", "ROLE_ADMIN" }) {
			String email = "mass-" + type.toLowerCase() + "-" + System.nanoTime() + "@example.org";
			int status = this.mvc
				.perform(NewAccounts.registration(type, email).param("organisationId", "1")
					.param("role", "ADMIN")
					.param("status", "APPROVED"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("answer to accountType=%s", type).isEqualTo(200);
			assertThat(this.jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email))
				.as("accounts made for accountType=%s", type)
				.isZero();
		}
	}

	@Test
	void aRequesterRegistrationCannotSetItsRoleOrStatus() throws Exception {
		String email = "mass-requester-" + System.nanoTime() + "@example.org";
		this.mvc.perform(NewAccounts.registration("REQUESTER", email).param("role", "ADMIN")
			.param("status", "APPROVED")
			.param("emailVerifiedAt", "2026-01-01T00:00:00Z")
			.param("id", "1")
			.param("version", "7"));
		assertThat(this.jdbc.queryForMap("select role, status, email_verified_at from account where email = ?", email))
			.containsEntry("role", "REQUESTER")
			.containsEntry("status", "PENDING")
			.containsEntry("email_verified_at", null);
		assertThat(this.jdbc.queryForObject("select count(*) from account where role in ('ADMIN', 'COORDINATOR')"
				+ " and email like 'mass-%'", Integer.class))
			.isZero();
	}
}
