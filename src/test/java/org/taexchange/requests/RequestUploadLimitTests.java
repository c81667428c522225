package org.taexchange.requests;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import org.taexchange.accounts.AccountUser;
import org.taexchange.platform.OtherInstance;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Uploads are limited per signed-in account (README: Rate limits): past the limit the file is not
 * attached and the draft stays as it was. The suite's limits are too high to meet, so the test's
 * own account gets a small allowance through {@link OtherInstance}.
 */
@IntegrationTest
class RequestUploadLimitTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RequestDrafts drafts;

	@Autowired
	RequestAttachments attachments;

	@Autowired
	AssistanceRequests requests;

	@Test
	void anUploadPastTheLimitOfTheAccountIsRefusedAndTheDraftStaysAsItWas() throws Exception {
		Registrations registrations = new Registrations(this.context);
		String email = registrations.official("limits.upload", "SL", "National Minerals Agency");
		registrations.approve(email);
		AccountUser official = (AccountUser) this.users.loadUserByUsername(email);
		long id = this.drafts.start(official,
				new WhoIsAsking("SL", List.of("SL"), "Mariama Sesay", null, "focal@example.org", null));
		new OtherInstance(this.context, 3, Duration.ofHours(1)).take("uploads-per-account", email, 1);

		this.mvc.perform(upload(id, official, "first.pdf"))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/attachments"));
		this.mvc.perform(upload(id, official, "second.pdf"))
			.andExpect(redirectedUrl("/requests/drafts/" + id + "/attachments"));
		long version = this.requests.findById(id).orElseThrow().getVersion();

		this.mvc.perform(upload(id, official, "third.pdf"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));

		assertThat(this.attachments.countByRequestId(id)).isEqualTo(2);
		assertThat(this.requests.findById(id).orElseThrow().getVersion()).isEqualTo(version);
	}

	private RequestBuilder upload(long id, AccountUser official, String name) {
		return multipart("/requests/drafts/{id}/attachments", id)
			.file(new MockMultipartFile("file", name, "application/pdf", RequestBadInputTests.pdf()))
			.with(csrf())
			.with(signedIn(official));
	}
}
