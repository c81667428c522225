package org.taexchange;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApplicationStartsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void migrationsSeedTheReferenceData() {
		assertThat(this.jdbc.queryForObject("select count(*) from participant where code !~ '^Q[M-Z]$'", Integer.class))
			.isEqualTo(60);
		assertThat(this.jdbc.queryForObject("select cardinality(countries) from participant where code = 'EU'",
				Integer.class))
			.isEqualTo(27);
		assertThat(this.jdbc.queryForObject("select count(*) from organisation", Integer.class)).isGreaterThanOrEqualTo(10);
		assertThat(this.jdbc.queryForObject("select count(*) from expertise_area where parent_code is not null",
				Integer.class))
			.isEqualTo(14);
		assertThat(this.jdbc.queryForObject("select name_fr from expertise_area where code = 'VALUATION'", String.class))
			.isEqualTo("Évaluation des diamants bruts");
	}

	@Test
	void pagesStayLightOnFirstLoad() throws Exception {
		int stylesheet = this.mvc.perform(get("/css/portal.css")).andReturn().getResponse().getContentAsByteArray().length;
		for (String page : new String[] { "/", "/register", "/login", "/accessibility", "/?lang=fr" }) {
			int html = this.mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray().length;
			assertThat(html + stylesheet).as(page + " with its stylesheet, uncompressed").isLessThan(150 * 1024);
		}
	}

	@Test
	void healthIsPublic() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().string("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}"));
	}
}
