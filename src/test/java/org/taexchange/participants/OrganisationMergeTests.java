package org.taexchange.participants;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.support.IntegrationTest;
import org.taexchange.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An admin folds an organisation named twice into the vetted one; its people follow. */
@IntegrationTest
class OrganisationMergeTests {

	static final String PASSWORD = "a pass phrase for the merge tests";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private RequestPostProcessor as(String email) {
		return SignedIn.signedIn(this.users.loadUserByUsername(email));
	}

	@Test
	void aDuplicateProposedAtRegistrationIsMergedAndItsProviderMovesToTheVettedOrganisation() throws Exception {
		String email = "merge." + System.nanoTime() + "@example.org";
		String duplicateName = "World Customs Org " + System.nanoTime();
		this.mvc
			.perform(post("/register").with(csrf())
				.param("accountType", "PROVIDER")
				.param("fullName", "Kofi Mensah")
				.param("email", email)
				.param("password", PASSWORD)
				.param("passwordConfirmation", PASSWORD)
				.param("language", "en")
				.param("position", "Technical officer")
				.param("newOrganisationName", duplicateName)
				.param("newOrganisationType", "INTERNATIONAL_ORG"))
			.andExpect(redirectedUrl("/registered"));
		long duplicate = this.jdbc.queryForObject("select id from organisation where name = ?", Long.class,
				duplicateName);
		long wco = this.jdbc.queryForObject("select id from organisation where short_name = 'WCO'", Long.class);
		long version = this.jdbc.queryForObject("select version from organisation where id = ?", Long.class,
				duplicate);

		this.mvc
			.perform(post("/admin/organisations/{id}/merge", duplicate).with(csrf())
				.with(as("coordinator@example.org"))
				.param("into", String.valueOf(wco))
				.param("version", String.valueOf(version)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/organisations/{id}/merge", duplicate).with(csrf())
				.with(as("admin@example.org"))
				.param("into", String.valueOf(duplicate))
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/admin/organisations/" + duplicate));
		this.mvc
			.perform(post("/admin/organisations/{id}/merge", duplicate).with(csrf())
				.with(as("admin@example.org"))
				.param("into", String.valueOf(wco))
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/admin/organisations"));

		assertThat(this.jdbc.queryForMap("select status, merged_into_id from organisation where id = ?", duplicate))
			.containsEntry("status", "MERGED")
			.containsEntry("merged_into_id", wco);
		assertThat(this.jdbc.queryForObject("select organisation_id from account where email = ?", Long.class, email))
			.isEqualTo(wco);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from decision_log where subject_type = 'ORGANISATION' and subject_id = ? and action = 'MERGED'",
				Integer.class, duplicateName))
			.isEqualTo(1);

		this.mvc
			.perform(post("/admin/organisations/{id}/merge", duplicate).with(csrf())
				.with(as("admin@example.org"))
				.param("into", String.valueOf(wco))
				.param("version", String.valueOf(version)))
			.andExpect(status().isConflict());
	}
}
