package org.taexchange.requests;

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
import org.taexchange.participants.Modality;
import org.taexchange.platform.DemoData;
import org.taexchange.requests.Triage.Decision;

/**
 * Demo requests, so that each demo role finds a living portal: Sierra Leone's in English and Côte
 * d'Ivoire's in French, in several states, written and triaged through the same services as
 * people use (so they have their timelines and decision-log entries). Runs after the demo accounts
 * exist, and only once.
 */
@Component
@Order(20)
class RequestSeeding implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RequestSeeding.class);

	private final DemoData demoData;

	private final UserDetailsService people;

	private final RequestDrafts drafts;

	private final Triage triage;

	private final AssistanceRequests requests;

	private final Clock clock;

	RequestSeeding(DemoData demoData, UserDetailsService people, RequestDrafts drafts, Triage triage,
			AssistanceRequests requests, Clock clock) {
		this.demoData = demoData;
		this.people = people;
		this.drafts = drafts;
		this.triage = triage;
		this.requests = requests;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demoData.wanted()) {
			return;
		}
		AccountUser sierraLeone;
		AccountUser coteDIvoire;
		AccountUser coordinator;
		try {
			sierraLeone = person("official.sl@example.org");
			coteDIvoire = person("official.ci@example.org");
			coordinator = person("coordinator@example.org");
		}
		catch (UsernameNotFoundException ex) {
			return;
		}
		if (this.requests.countByOwnerId(sierraLeone.id()) > 0) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock);

		ReferenceNumber regional = submit(sierraLeone,
				new WhoIsAsking(null, List.of("CI", "GN", "LR", "SL"), "Fatmata Koroma", "Head of monitoring",
						"monitoring@nma.example.org", "+232 76 000 000"),
				new TheNeed("Regional training of rough-diamond valuers for the Mano River Union",
						"Valuers of the four Mano River Union authorities value the same alluvial goods differently; "
								+ "export values for similar parcels differ by up to 30 %.",
						"Train twenty government valuers from the four countries on a shared method and price references.",
						"Valuations of test parcels within 5 % of a reference valuation; a shared valuation guide adopted by the four authorities.",
						"A regional harmonisation road map exists; no valuation training is funded.", 2025, null, null),
				new ExpertiseWanted(List.of("VALUATION", "REGIONAL"), "VALUATION",
						List.of(Modality.WORKSHOP, Modality.EXPERT_MISSION)),
				new Practicalities(List.of("en", "fr"), "French interpretation for the Guinean and Ivorian valuers",
						today.plusMonths(2), today.plusMonths(8), Urgency.SOON, 20, "Government valuers", Funding.IN_KIND));
		decide(regional, coordinator, Decision.START_REVIEW, null);
		decide(regional, coordinator, Decision.OPEN_FOR_MATCHING, null);

		submit(sierraLeone,
				new WhoIsAsking(null, List.of("SL"), "Mohamed Sesay", "Certification officer", "certificates@nma.example.org",
						null),
				new TheNeed("Electronic register of Kimberley Process certificates",
						"Certificates are issued and recorded on paper; import confirmations arrive late and are hard to match.",
						"Set up an electronic register of issued certificates and import confirmations.",
						"Every certificate recorded on the day it is issued; confirmations matched within a week.", null,
						null, null, null),
				new ExpertiseWanted(List.of("DIGITAL_CERTIFICATES", "CERTIFICATES"), "DIGITAL_CERTIFICATES",
						List.of(Modality.REMOTE_ADVISORY, Modality.DOCUMENTS_AND_TOOLS)),
				new Practicalities(List.of("en"), null, today.plusMonths(1), null, Urgency.ROUTINE, 6,
						"Certification officers", Funding.NEEDS_FULL_FUNDING));

		ReferenceNumber equipment = submit(sierraLeone,
				new WhoIsAsking(null, List.of("SL"), "Mohamed Sesay", "Certification officer",
						"certificates@nma.example.org", null),
				new TheNeed("X-ray sorting machines for the export office",
						"The export office sorts by hand.", "Buy two X-ray sorting machines.",
						"Faster sorting of export parcels.", null, null, null, null),
				new ExpertiseWanted(List.of("INTERNAL_CONTROLS"), "INTERNAL_CONTROLS", List.of(Modality.EXPERT_MISSION)),
				new Practicalities(List.of("en"), null, null, null, Urgency.ROUTINE, null, null,
						Funding.NEEDS_FULL_FUNDING));
		decide(equipment, coordinator, Decision.START_REVIEW, null);
		decide(equipment, coordinator, Decision.REJECT,
				"The programme shares expertise and does not buy equipment. A request for training on sorting "
						+ "and internal controls at the export office would be welcome.");

		ReferenceNumber formalisation = submit(coteDIvoire,
				new WhoIsAsking(null, List.of("CI"), "Awa Traoré", "Chargée de la traçabilité",
						"tracabilite@spk.example.org", "+225 07 00 00 00"),
				new TheNeed("Formalisation des creuseurs artisanaux dans la région de Séguéla",
						"La plupart des creuseurs de Séguéla travaillent sans agrément ; leur production échappe au système de traçabilité.",
						"Concevoir avec les coopératives une procédure d’agrément simple et la tester dans deux sous-préfectures.",
						"Deux cents creuseurs agréés en un an ; la production de la zone déclarée chaque mois.",
						"Un projet de cartographie des sites est en cours.", 2025, null,
						"Indicateur sur l’enregistrement des creuseurs"),
				new ExpertiseWanted(List.of("FORMALISATION", "COMMUNITIES"), "FORMALISATION",
						List.of(Modality.STUDY_VISIT, Modality.EXPERT_MISSION)),
				new Practicalities(List.of("fr"), null, today.plusMonths(3), today.plusMonths(12), Urgency.ROUTINE, 40,
						"Agents du SPKP et responsables de coopératives", Funding.CAN_CO_FUND));
		decide(formalisation, coordinator, Decision.START_REVIEW, null);
		decide(formalisation, coordinator, Decision.ASK_INFORMATION,
				"Les coopératives de Séguéla ont-elles déjà donné leur accord pour participer au test ?");

		ReferenceNumber statistics = submit(coteDIvoire,
				new WhoIsAsking(null, List.of("CI"), "Awa Traoré", "Chargée de la traçabilité",
						"tracabilite@spk.example.org", null),
				new TheNeed("Renforcement des statistiques de production et d’exportation",
						"Les statistiques semestrielles sont compilées à la main et présentent des écarts avec les données des pays importateurs.",
						"Former l’équipe statistique à la collecte et à l’analyse des anomalies.",
						"Rapports statistiques remis à temps ; écarts expliqués.", null, null, null, null),
				new ExpertiseWanted(List.of("STATISTICS"), "STATISTICS", List.of(Modality.WORKSHOP)),
				new Practicalities(List.of("fr"), null, null, null, Urgency.URGENT, 5, "Équipe statistique du SPKP",
						Funding.NEEDS_FULL_FUNDING));
		decide(statistics, coordinator, Decision.START_REVIEW, null);

		long draft = this.drafts.start(sierraLeone, new WhoIsAsking(null, List.of("SL"), "Fatmata Koroma",
				"Head of monitoring", "monitoring@nma.example.org", null));
		this.drafts.save(draft, sierraLeone,
				new TheNeed("Chain of custody for alluvial diamonds in Kono", "Diamonds change hands several times "
						+ "between the pit and the licensed exporter without records.", null, null, null, null, null,
						null));
		this.drafts.save(draft, sierraLeone,
				new ExpertiseWanted(List.of("INTERNAL_CONTROLS"), "INTERNAL_CONTROLS", List.of(Modality.EXPERT_MISSION)));
		log.info("Demo requests are ready: Sierra Leone's in English and Côte d'Ivoire's in French, in several states");
	}

	private ReferenceNumber submit(AccountUser official, WhoIsAsking who, TheNeed need, ExpertiseWanted expertise,
			Practicalities practicalities) {
		long id = this.drafts.start(official, who);
		this.drafts.save(id, official, need);
		this.drafts.save(id, official, expertise);
		this.drafts.save(id, official, practicalities);
		this.drafts.attachmentsReviewed(id, official);
		long version = this.requests.findById(id).orElseThrow().getVersion();
		return this.drafts.submit(id, version, official);
	}

	private void decide(ReferenceNumber reference, AccountUser coordinator, Decision decision, String text) {
		long version = this.requests.findByReference(reference.value()).orElseThrow().getVersion();
		this.triage.decide(reference, version, coordinator, decision, text);
	}

	private AccountUser person(String email) {
		return (AccountUser) this.people.loadUserByUsername(email);
	}
}
