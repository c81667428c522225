package org.taexchange.offers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import org.taexchange.accounts.AccountUser;
import org.taexchange.offers.Vetting.Decision;
import org.taexchange.participants.Modality;
import org.taexchange.platform.DemoData;

/**
 * Demo offers of the demo provider (World Customs Organization), in English and French and in
 * several states, written and vetted through the same services people use. Runs once, after the
 * demo accounts exist.
 */
@Component
@Order(15)
class OfferSeeding implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OfferSeeding.class);

	private final DemoData demoData;

	private final UserDetailsService people;

	private final OfferWriting writing;

	private final Vetting vetting;

	private final Offers offers;

	private final Clock clock;

	OfferSeeding(DemoData demoData, UserDetailsService people, OfferWriting writing, Vetting vetting, Offers offers,
			Clock clock) {
		this.demoData = demoData;
		this.people = people;
		this.writing = writing;
		this.vetting = vetting;
		this.offers = offers;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demoData.wanted()) {
			return;
		}
		AccountUser provider;
		AccountUser coordinator;
		try {
			provider = (AccountUser) this.people.loadUserByUsername("provider@example.org");
			coordinator = (AccountUser) this.people.loadUserByUsername("coordinator@example.org");
		}
		catch (UsernameNotFoundException ex) {
			return;
		}
		if (provider.organisationId() == null || this.offers.countByOwnerId(provider.id()) > 0) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock);

		OfferReference smuggling = submit(provider, new OfferContent("Customs controls against rough-diamond smuggling",
				"A five-day workshop for customs and police officers at border posts and airports: risk profiling of "
						+ "travellers and shipments, concealment methods, verifying Kimberley Process certificates, and "
						+ "working with the national KP authority. Trainers come from member customs administrations.",
				List.of("ENFORCEMENT", "CERTIFICATES"), List.of(Modality.WORKSHOP, Modality.EXPERT_MISSION),
				List.of("en", "fr"), Reach.ALL, List.of(), List.of(), today.plusWeeks(2), today.plusMonths(14), 3,
				OfferFunding.FULLY_FUNDED, 2, "Two senior customs trainers", List.of("en", "fr"), List.of(), null));
		this.vetting.decide(smuggling, version(smuggling), coordinator, Decision.PUBLISH, null);

		OfferReference fraude = submit(provider, new OfferContent("Contrôle des exportations de diamants bruts aux frontières",
				"Accompagnement d’une équipe douanière pendant trois semaines : procédures d’exportation, scellés, "
						+ "vérification des colis et des certificats, échanges avec les pays voisins.",
				List.of("ENFORCEMENT", "INTERNAL_CONTROLS", "REGIONAL"), List.of(Modality.EMBEDDED_ADVISER),
				List.of("fr"), Reach.REGIONS, List.of("Africa"), List.of(), today.plusMonths(1), today.plusMonths(10), 2,
				OfferFunding.PARTLY_FUNDED, 1, "Un conseiller douanier expérimenté", List.of("fr"), List.of(), null));
		this.vetting.decide(fraude, version(fraude), coordinator, Decision.PUBLISH, null);

		OfferReference tools = submit(provider, new OfferContent("Risk-profiling tools for diamond shipments",
				"Sharing of risk indicators and a profiling template adapted to rough diamonds, with remote advice "
						+ "while a customs administration sets them up.",
				List.of("ENFORCEMENT", "STATISTICS"), List.of(Modality.DOCUMENTS_AND_TOOLS, Modality.REMOTE_ADVISORY),
				List.of("en"), Reach.ALL, List.of(), List.of(), null, null, 5, OfferFunding.FULLY_FUNDED, null, null,
				List.of(), List.of(), null));
		this.vetting.decide(tools, version(tools), coordinator, Decision.PUBLISH, null);
		Offer paused = this.offers.findByReference(tools.value()).orElseThrow();
		this.writing.pause(paused.getId(), paused.getVersion(), provider);

		OfferReference laboratory = submit(provider, new OfferContent("Study visit to a customs laboratory",
				"A study visit for two officers to a customs laboratory that identifies rough diamonds.",
				List.of("FOOTPRINTING"), List.of(Modality.STUDY_VISIT), List.of("en"), Reach.ALL, List.of(), List.of(),
				null, null, 1, OfferFunding.NEEDS_FUNDING, null, null, List.of(), List.of(), null));
		this.vetting.decide(laboratory, version(laboratory), coordinator, Decision.ASK_CHANGES,
				"Please name the laboratory and say who pays for travel.");

		submit(provider, new OfferContent("Training of trainers on Kimberley Process certificates",
				"Trainers of national customs schools learn to teach certificate checks.",
				List.of("CERTIFICATES"), List.of(Modality.WORKSHOP), List.of("en", "pt"), Reach.ALL, List.of(),
				List.of(), today.plusMonths(2), today.plusMonths(12), 2, OfferFunding.PARTLY_FUNDED, 2, null,
				List.of("en", "pt"), List.of(), null));

		this.writing.start(provider, new OfferContent("Electronic exchange of certificate data", null,
				List.of("DIGITAL_CERTIFICATES"), List.of(), List.of("en"), null, List.of(), List.of(), null, null, null,
				null, null, null, List.of(), List.of(), null));
		log.info("Demo offers are ready: published, paused, waiting for vetting, changes asked for, and a draft");
	}

	private OfferReference submit(AccountUser provider, OfferContent content) {
		long id = this.writing.start(provider, content);
		return this.writing.submit(id, this.offers.findById(id).orElseThrow().getVersion(), provider);
	}

	private long version(OfferReference reference) {
		return this.offers.findByReference(reference.value()).orElseThrow().getVersion();
	}
}
