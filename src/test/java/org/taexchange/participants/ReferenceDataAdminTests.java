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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ReferenceDataAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor admin() {
		return SignedIn.signedIn(this.users.loadUserByUsername("admin@example.org"));
	}

	@Test
	void theParticipantListShowsNamesFromTheLocaleDataAndCurrentStatus() throws Exception {
		this.mvc.perform(get("/admin/participants").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sierra Leone")))
			.andExpect(content().string(containsString("European Union")))
			.andExpect(content().string(containsString("Readmitted")));
		this.mvc.perform(get("/admin/participants").param("lang", "fr").with(admin()))
			.andExpect(content().string(containsString("Côte d")))
			.andExpect(content().string(containsString("Union européenne")));
	}

	@Test
	void anAdminAddsAParticipantAndRecordsItsHistory() throws Exception {
		// QM to QZ are user-assigned ISO codes: never a real participant
		String code = "Q" + (char) ('M' + (System.nanoTime() % 14));
		this.jdbc.update("delete from participant_status where participant_code = ?", code);
		this.jdbc.update("delete from participant where code = ?", code);
		this.mvc
			.perform(post("/admin/participants").with(csrf())
				.with(admin())
				.param("code", code.toLowerCase())
				.param("nameEn", "Test Entity")
				.param("type", "ENTITY")
				.param("region", "Asia")
				.param("languages", "en, fr")
				.param("groups", "")
				.param("countries", "")
				.param("admittedOn", "2026-01-15"))
			.andExpect(redirectedUrl("/admin/participants/" + code));
		assertThat(this.jdbc.queryForObject("select array_to_string(languages, ' ') from participant where code = ?",
				String.class, code))
			.isEqualTo("en fr");

		this.mvc
			.perform(post("/admin/participants").with(csrf())
				.with(admin())
				.param("code", code)
				.param("nameEn", "Again")
				.param("type", "ENTITY")
				.param("region", "Asia")
				.param("languages", "en")
				.param("admittedOn", "2026-01-15"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("participant", "code", "participant.code.taken"));

		long version = this.jdbc.queryForObject("select version from participant where code = ?", Long.class, code);
		this.mvc
			.perform(post("/admin/participants/" + code + "/status").with(csrf())
				.with(admin())
				.param("status", "SUSPENDED")
				.param("effectiveDate", "2026-06-01")
				.param("note", "Failed to meet the minimum requirements")
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/admin/participants/" + code));
		this.mvc.perform(get("/admin/participants/" + code).with(admin()))
			.andExpect(content().string(containsString("Current status: Suspended")))
			.andExpect(content().string(containsString("Failed to meet the minimum requirements")));
		assertThat(this.jdbc.queryForList(
				"select action from decision_log where subject_type = 'PARTICIPANT' and subject_id = ? order by id",
				String.class, code))
			.containsExactly("CREATED", "STATUS_CHANGED");

		this.mvc
			.perform(post("/admin/participants/" + code).with(csrf())
				.with(admin())
				.param("nameEn", "Test Entity Renamed")
				.param("type", "ENTITY")
				.param("region", "Asia")
				.param("languages", "fr")
				.param("version", String.valueOf(version)))
			.andExpect(status().isConflict());
		long current = this.jdbc.queryForObject("select version from participant where code = ?", Long.class, code);
		this.mvc
			.perform(post("/admin/participants/" + code).with(csrf())
				.with(admin())
				.param("nameEn", "Test Entity Renamed")
				.param("type", "ENTITY")
				.param("region", "Asia")
				.param("languages", "fr")
				.param("version", String.valueOf(current)))
			.andExpect(redirectedUrl("/admin/participants/" + code));
		assertThat(this.jdbc.queryForObject("select name_en from participant where code = ?", String.class, code))
			.isEqualTo("Test Entity Renamed");
	}

	@Test
	void participantInputIsChecked() throws Exception {
		this.mvc
			.perform(post("/admin/participants").with(csrf())
				.with(admin())
				.param("code", "S1")
				.param("alpha3", "TOOLONG")
				.param("nameEn", "")
				.param("region", "Africa")
				.param("languages", "english")
				.param("countries", "FRA")
				.param("admittedOn", "not a date"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("participant", "code", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("participant", "alpha3", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("participant", "nameEn", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("participant", "type", "NotNull"))
			.andExpect(model().attributeHasFieldErrorCode("participant", "languages", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("participant", "countries", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("participant", "admittedOn", "typeMismatch"))
			.andExpect(content().string(containsString("Enter two letters, e.g. SL.")))
			.andExpect(content().string(containsString("value=\"english\"")));
		this.mvc
			.perform(post("/admin/participants/SL/status").with(csrf())
				.with(admin())
				.param("status", "")
				.param("effectiveDate", "")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("statusChange", "status", "NotNull"))
			.andExpect(model().attributeHasFieldErrorCode("statusChange", "effectiveDate", "NotNull"));
		this.mvc.perform(get("/admin/participants/ZZ").with(admin())).andExpect(status().isNotFound());
	}

	@Test
	void anAdminAddsAndEditsOrganisations() throws Exception {
		String name = "Regional Valuation Academy " + System.nanoTime();
		this.mvc
			.perform(post("/admin/organisations").with(csrf())
				.with(admin())
				.param("name", name)
				.param("shortName", "RVA")
				.param("type", "ACADEMIC")
				.param("participantCode", ""))
			.andExpect(redirectedUrl("/admin/organisations"));
		this.mvc
			.perform(post("/admin/organisations").with(csrf())
				.with(admin())
				.param("name", name.toUpperCase())
				.param("type", "ACADEMIC"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("organisation", "name", "organisation.name.taken"));
		long id = this.jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
		this.mvc.perform(get("/admin/organisations/" + id).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		this.mvc
			.perform(post("/admin/organisations/" + id).with(csrf())
				.with(admin())
				.param("name", name)
				.param("shortName", "RVA")
				.param("type", "GOVERNMENT")
				.param("observer", "true")
				.param("participantCode", "BW")
				.param("version", "0"))
			.andExpect(redirectedUrl("/admin/organisations"));
		assertThat(this.jdbc.queryForObject("select participant_code from organisation where id = ?", String.class, id))
			.isEqualTo("BW");
		this.mvc
			.perform(post("/admin/organisations/" + id).with(csrf())
				.with(admin())
				.param("name", name)
				.param("type", "GOVERNMENT")
				.param("participantCode", "XX")
				.param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("organisation", "participantCode", "choice.unknown"));
		this.mvc.perform(get("/admin/organisations").with(admin()))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("Botswana")));
		this.mvc.perform(get("/admin/organisations/new").with(admin())).andExpect(status().isOk());
		this.mvc.perform(get("/admin/participants/new").with(admin())).andExpect(status().isOk());
	}

	@Test
	void theDecisionLogCanBeFilteredBySubject() throws Exception {
		var coordinator = SignedIn.signedIn(this.users.loadUserByUsername("coordinator@example.org"));
		// the whole log is long (every test adds to it): look for the demo official's account
		this.mvc.perform(get("/admin/log").param("subject", "official.sl@example.org").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("official.sl@example.org")));
		this.mvc.perform(get("/admin/log").param("type", "ACCOUNT").param("subject", "official.ci@example.org")
			.with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("official.ci@example.org")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("official.sl@example.org"))));
		this.mvc.perform(get("/admin").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("accounts wait for approval")));
	}
}
