package org.taexchange.offers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.taexchange.offers.Vetting.Decision;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Who sees which offer. To a provider of another organisation, an offer of the demo provider's
 * organisation that is not published does not exist (404, never 403), and none of them can be
 * changed. Officials see published offers only, and never the conflict-of-interest declaration.
 * The organisation's own providers see its offers in every state.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferIsolationTests {

	static final String PROVIDER = OfferExamples.PROVIDER;

	static final String COORDINATOR = OfferExamples.COORDINATOR;

	static final List<String> OFFICIALS = List.of("official.sl@example.org", "official.ci@example.org");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private OfferExamples examples;

	/** A provider of the Deutsche Gesellschaft für Internationale Zusammenarbeit, registered and approved. */
	private String otherProvider;

	@BeforeAll
	void aProviderOfAnotherOrganisation() throws Exception {
		this.examples = new OfferExamples(this.context);
		this.otherProvider = this.examples.anotherApprovedProvider("GIZ");
	}

	// --- providers of another organisation -----------------------------------------------------

	@Test
	void aProviderOfAnotherOrganisationCannotOpenOrChangeAnOfferInAnyState() throws Exception {
		Map<String, Long> offers = offersInEveryState();
		RequestPostProcessor other = as(this.otherProvider);

		for (Map.Entry<String, Long> offer : offers.entrySet()) {
			long id = offer.getValue();
			Offer before = this.examples.offer(id);
			String version = String.valueOf(before.getVersion());
			List<MockHttpServletRequestBuilder> attempts = new ArrayList<>();
			attempts.add(get("/offers/edit/{id}", id));
			attempts.add(filledIn(post("/offers/edit/{id}", id), "Taken over").param("version", version));
			attempts.add(filledIn(post("/offers/edit/{id}", id), "Taken over").param("version", version)
				.param("action", "submit"));
			for (String action : List.of("pause", "resume", "withdraw")) {
				attempts.add(post("/offers/edit/{id}/" + action, id).param("version", version));
			}
			for (MockHttpServletRequestBuilder attempt : attempts) {
				MvcResult result = this.mvc.perform(attempt.with(other).with(csrf())).andReturn();
				assertThat(result.getResponse().getStatus()).as("%s %s on the %s offer",
						result.getRequest().getMethod(), result.getRequest().getRequestURI(), offer.getKey())
					.isEqualTo(404);
			}

			Offer after = this.examples.offer(id);
			assertThat(after.getStatus()).as("the %s offer's status", offer.getKey()).isEqualTo(before.getStatus());
			assertThat(after.getVersion()).as("the %s offer is unchanged", offer.getKey())
				.isEqualTo(before.getVersion());
			assertThat(after.getTitle()).isEqualTo(before.getTitle());
			assertThat(after.getOrganisationId()).isEqualTo(before.getOrganisationId());
		}
	}

	@Test
	void aProviderOfAnotherOrganisationSeesOnlyThePublishedOffersOfOthersAndNoneInItsOwnList() throws Exception {
		Map<String, Long> offers = offersInEveryState();
		RequestPostProcessor other = as(this.otherProvider);

		for (Map.Entry<String, Long> offer : offers.entrySet()) {
			String reference = this.examples.offer(offer.getValue()).getReference();
			if (reference == null) {
				continue;
			}
			int expected = offer.getKey().equals("published") ? 200 : 404;
			assertThat(this.mvc.perform(get("/offers/{ref}", reference).with(other)).andReturn().getResponse().getStatus())
				.as("the %s offer %s", offer.getKey(), reference)
				.isEqualTo(expected);
		}
		String published = this.examples.offer(offers.get("published")).getReference();
		String page = body(get("/offers/{ref}", published).with(other));
		assertThat(page).as("another organisation's declaration")
			.doesNotContain(OfferExamples.CONFLICT_PARTICIPANT_NAME, OfferExamples.CONFLICT_REASON);

		Document mine = Jsoup.parse(body(get("/offers/mine").with(other)));
		assertThat(mine.select("a").eachAttr("href")).noneMatch(href -> offers.values()
			.stream()
			.anyMatch(id -> href.startsWith("/offers/edit/" + id)));
		this.mvc.perform(get("/admin/offers").with(other)).andExpect(status().isForbidden());
	}

	// --- officials -----------------------------------------------------------------------------

	@Test
	void officialsFindOnlyPublishedOffersInTheCatalogueAndAtTheirAddresses() throws Exception {
		Map<String, Long> offers = offersInEveryState();

		for (String official : OFFICIALS) {
			List<String> catalogue = catalogue(official);
			for (Map.Entry<String, Long> offer : offers.entrySet()) {
				Offer shown = this.examples.offer(offer.getValue());
				boolean published = offer.getKey().equals("published");
				if (shown.getReference() != null) {
					assertThat(this.mvc.perform(get("/offers/{ref}", shown.getReference()).with(as(official)))
						.andReturn()
						.getResponse()
						.getStatus()).as("%s opening the %s offer", official, offer.getKey())
						.isEqualTo(published ? 200 : 404);
					assertThat(catalogue.contains(shown.getReference())).as("the %s offer in %s's catalogue",
							offer.getKey(), official)
						.isEqualTo(published);
				}
			}
			this.mvc.perform(get("/offers/edit/{id}", offers.get("draft")).with(as(official)))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/admin/offers/{ref}", this.examples.offer(offers.get("submitted")).getReference())
				.with(as(official))).andExpect(status().isForbidden());
		}
	}

	@Test
	void officialsNeverSeeTheConflictOfInterestDeclaration() throws Exception {
		String reference = this.examples.published(PROVIDER);

		for (String official : OFFICIALS) {
			String page = body(get("/offers/{ref}", reference).with(as(official)));
			assertThat(page).as("the offer's page for %s", official)
				.contains(reference)
				.doesNotContain(OfferExamples.CONFLICT_PARTICIPANT_NAME)
				.doesNotContain(OfferExamples.CONFLICT_REASON);
			for (int number = 0;; number++) {
				MvcResult result = this.mvc
					.perform(get("/offers").param("page", String.valueOf(number)).with(as(official)))
					.andReturn();
				assertThat(result.getResponse().getContentAsString()).as("page %d of the catalogue", number)
					.doesNotContain(OfferExamples.CONFLICT_PARTICIPANT_NAME)
					.doesNotContain(OfferExamples.CONFLICT_REASON);
				if (!((Page<?>) result.getModelAndView().getModel().get("page")).hasNext()) {
					break;
				}
			}
		}
		// while the coordinators and the offer's own provider see it
		assertThat(body(get("/admin/offers/{ref}", reference).with(as(COORDINATOR))))
			.contains(OfferExamples.CONFLICT_PARTICIPANT_NAME, OfferExamples.CONFLICT_REASON);
		assertThat(body(get("/offers/{ref}", reference).with(as(PROVIDER))))
			.contains(OfferExamples.CONFLICT_PARTICIPANT_NAME, OfferExamples.CONFLICT_REASON);
	}

	// --- the organisation's own providers ------------------------------------------------------

	@Test
	void theOrganisationsProvidersSeeItsOffersInEveryState() throws Exception {
		Map<String, Long> offers = offersInEveryState();
		RequestPostProcessor provider = as(PROVIDER);

		Document mine = Jsoup.parse(body(get("/offers/mine").with(provider)));
		for (Map.Entry<String, Long> offer : offers.entrySet()) {
			Offer shown = this.examples.offer(offer.getValue());
			if (shown.getReference() != null) {
				this.mvc.perform(get("/offers/{ref}", shown.getReference()).with(provider))
					.andExpect(status().isOk());
				assertThat(mine.select("table a").eachText()).as("the %s offer in the list", offer.getKey())
					.contains(shown.getReference());
			}
			else {
				assertThat(mine.select("table a").eachAttr("href")).as("the draft in the list")
					.contains("/offers/edit/" + shown.getId());
			}
			if (shown.getStatus().isEditable()) {
				this.mvc.perform(get("/offers/edit/{id}", shown.getId()).with(provider)).andExpect(status().isOk());
			}
		}
	}

	// --- helpers -------------------------------------------------------------------------------

	/** Offers of the demo provider's organisation, one in each state a provider can bring it to, by state. */
	private Map<String, Long> offersInEveryState() {
		Map<String, Long> offers = new LinkedHashMap<>();
		offers.put("draft", this.examples.draft(PROVIDER));
		offers.put("submitted", this.examples.idOf(this.examples.submitted(PROVIDER)));
		String asked = this.examples.submitted(PROVIDER);
		this.examples.decide(asked, Decision.ASK_CHANGES, "Please name the trainers.");
		offers.put("changes asked", this.examples.idOf(asked));
		offers.put("published", this.examples.idOf(this.examples.published(PROVIDER)));
		offers.put("paused", this.examples.idOf(this.examples.paused(PROVIDER)));
		String declined = this.examples.submitted(PROVIDER);
		this.examples.decide(declined, Decision.DECLINE, "Outside the programme's scope.");
		offers.put("declined", this.examples.idOf(declined));
		String withdrawn = this.examples.published(PROVIDER);
		long withdrawnId = this.examples.idOf(withdrawn);
		withdrawnByItsProvider(withdrawnId);
		offers.put("withdrawn", withdrawnId);
		return offers;
	}

	private void withdrawnByItsProvider(long id) {
		try {
			this.mvc
				.perform(post("/offers/edit/{id}/withdraw", id).with(csrf())
					.with(as(PROVIDER))
					.param("version", String.valueOf(this.examples.versionOf(id))))
				.andExpect(status().is3xxRedirection());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(this.examples.statusOf(id)).isEqualTo(OfferStatus.WITHDRAWN);
	}

	/** A complete form, as a browser posts it. */
	private static MockHttpServletRequestBuilder filledIn(MockHttpServletRequestBuilder request, String title) {
		return request.param("title", title)
			.param("description", "Someone else's description.")
			.param("areas", "GEOLOGY")
			.param("modalities", "WORKSHOP")
			.param("workingLanguages", "en")
			.param("reach", "ALL")
			.param("capacity", "1")
			.param("funding", "NEEDS_FUNDING");
	}

	/** Every reference the catalogue lists to this person, from all its pages. */
	private List<String> catalogue(String email) throws Exception {
		List<String> references = new ArrayList<>();
		for (int number = 0;; number++) {
			MvcResult result = this.mvc.perform(get("/offers").param("page", String.valueOf(number)).with(as(email)))
				.andExpect(status().isOk())
				.andReturn();
			Page<?> page = (Page<?>) result.getModelAndView().getModel().get("page");
			page.getContent().forEach(offer -> references.add(((Offer) offer).getReference()));
			if (!page.hasNext()) {
				return references;
			}
		}
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andExpect(status().isOk()).andReturn();
		return result.getResponse().getContentAsString();
	}

	private RequestPostProcessor as(String email) {
		return signedIn(this.examples.person(email));
	}
}
