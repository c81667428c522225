package org.taexchange.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import org.taexchange.requests.RequestExamples;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a signed-in person sees, and the files they download, are never kept by a browser or a proxy:
 * a shared computer's back button or cache shows none of it.
 */
@IntegrationTest
class PrivatePagesCachingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	ApplicationContext context;

	@Test
	void privatePagesAndDownloadsAreNeverStored() throws Exception {
		RequestExamples requests = new RequestExamples(this.context);
		long draft = requests.completeDraft(Visitor.REQUESTER.email());
		long file = requests.attachFile(draft, Visitor.REQUESTER.email());
		String reference = requests.submit(draft, Visitor.REQUESTER.email());

		Map<String, RequestBuilder> pages = new LinkedHashMap<>();
		pages.put("the requests of an official", get("/requests").with(Visitor.REQUESTER.as(this.people)));
		pages.put("a request", get("/requests/{ref}", reference).with(Visitor.REQUESTER.as(this.people)));
		pages.put("a downloaded file", get("/requests/{ref}/attachments/{id}", reference, file)
			.with(Visitor.REQUESTER.as(this.people)));
		pages.put("the same file, for a coordinator", get("/requests/{ref}/attachments/{id}", reference, file)
			.with(Visitor.COORDINATOR.as(this.people)));
		pages.put("the request queue", get("/admin/requests").with(Visitor.COORDINATOR.as(this.people)));
		pages.put("the accounts", get("/admin/accounts").with(Visitor.COORDINATOR.as(this.people)));
		pages.put("the offers of a provider", get("/offers/mine").with(Visitor.PROVIDER.as(this.people)));
		pages.put("the decision log", get("/admin/log").with(Visitor.COORDINATOR.as(this.people)));
		for (Map.Entry<String, RequestBuilder> page : pages.entrySet()) {
			MockHttpServletResponse response = this.mvc.perform(page.getValue()).andReturn().getResponse();
			assertThat(response.getStatus()).as("status of %s", page.getKey()).isEqualTo(200);
			assertThat(response.getHeaders("Cache-Control")).as("Cache-Control of %s", page.getKey())
				.anySatisfy(value -> assertThat(value).contains("no-store"))
				.noneSatisfy(value -> assertThat(value).containsAnyOf("public", "max-age=1", "immutable"));
		}
	}
}
