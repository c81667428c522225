package org.taexchange.platform;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.requests.RequestExamples;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/** The pager of every list keeps the list's filters and changes only the page. */
@IntegrationTest
class PagerTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	private Document queue(String page) throws Exception {
		RequestExamples examples = new RequestExamples(this.context);
		return Jsoup.parse(this.mvc
			.perform(get("/admin/requests").param("status", "SUBMITTED")
				.param("order", "WAITING")
				.param("size", "1")
				.param("page", page)
				.with(signedIn(examples.person("coordinator@example.org"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theNextAndPreviousPagesKeepTheFilters() throws Exception {
		RequestExamples examples = new RequestExamples(this.context);
		for (int i = 0; i < 3; i++) {
			examples.submitted("official.sl@example.org");
		}
		Document second = queue("1");
		assertThat(second.select("nav.pager a").eachAttr("href")).containsExactly(
				"/admin/requests?status=SUBMITTED&order=WAITING&size=1&page=0",
				"/admin/requests?status=SUBMITTED&order=WAITING&size=1&page=2");
		assertThat(second.select("nav.pager span").text()).startsWith("Page 2 of ");

		Document first = queue("0");
		assertThat(first.select("nav.pager a").eachAttr("href"))
			.containsExactly("/admin/requests?status=SUBMITTED&order=WAITING&size=1&page=1");
	}
}
