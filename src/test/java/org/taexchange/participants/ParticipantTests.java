package org.taexchange.participants;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import org.taexchange.audit.DecisionMade;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.support.DomainEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

	private Participant aParticipant() {
		return Participant.admit(new ParticipantDetails("SL", "SLE", "Sierra Leone", ParticipantType.STATE, "Africa",
				List.of("en"), List.of("MRU", "WGAAP"), List.of("SL"), true, null), LocalDate.of(2003, 1, 1),
				"admin@example.org", this.clock);
	}

	@Test
	void statusIsTheLatestEntryInForce() {
		Participant participant = aParticipant();
		participant.changeStatus(MembershipStatus.SUSPENDED, LocalDate.of(2013, 5, 1), "Suspended", "admin@example.org",
				this.clock);
		participant.changeStatus(MembershipStatus.READMITTED, LocalDate.of(2027, 1, 1), "Planned", "admin@example.org",
				this.clock);
		assertThat(participant.currentStatus(LocalDate.of(2026, 11, 2))).contains(MembershipStatus.SUSPENDED);
		assertThat(participant.currentStatus(LocalDate.of(2027, 1, 1))).contains(MembershipStatus.READMITTED);
		assertThat(participant.currentStatus(LocalDate.of(2002, 1, 1))).isEmpty();
		assertThat(participant.getStatusHistory()).extracting(ParticipantStatusChange::getStatus)
			.containsExactly(MembershipStatus.ADMITTED, MembershipStatus.SUSPENDED, MembershipStatus.READMITTED);
	}

	@Test
	void historyStaysInDateOrderWhateverTheOrderOfRecording() {
		Participant participant = aParticipant();
		participant.changeStatus(MembershipStatus.READMITTED, LocalDate.of(2016, 1, 1), null, "a", this.clock);
		participant.changeStatus(MembershipStatus.SELF_SUSPENDED, LocalDate.of(2008, 1, 1), null, "a", this.clock);
		assertThat(participant.getStatusHistory()).extracting(ParticipantStatusChange::getEffectiveDate)
			.containsExactly(LocalDate.of(2003, 1, 1), LocalDate.of(2008, 1, 1), LocalDate.of(2016, 1, 1));
	}

	@Test
	void everyChangeIsADecision() {
		Participant participant = aParticipant();
		participant.changeStatus(MembershipStatus.SUSPENDED, LocalDate.of(2013, 5, 1), "Reason", "admin@example.org",
				this.clock);
		List<DecisionMade> decisions = DomainEvents.of(participant, DecisionMade.class);
		assertThat(decisions).extracting(DecisionMade::action).containsExactly("CREATED", "STATUS_CHANGED");
		assertThat(decisions.get(1).fromState()).isEqualTo("ADMITTED");
		assertThat(decisions.get(1).toState()).isEqualTo("SUSPENDED 2013-05-01");
		assertThat(decisions.get(1).reason()).isEqualTo("Reason");
	}

	@Test
	void theCodeNeverChanges() {
		Participant participant = aParticipant();
		assertThatThrownBy(() -> participant.update(new ParticipantDetails("SX", null, "X", ParticipantType.STATE,
				"Africa", List.of("en"), List.of(), List.of(), false, null), "a", this.clock))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void countryNamesComeFromTheLocaleData() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("participant.name.EU", Locale.FRENCH, "Union européenne");
		ParticipantNames names = new ParticipantNames(messages);
		assertThat(names.of(aParticipant(), Locale.FRENCH)).isEqualTo("Sierra Leone");
		assertThat(ParticipantNames.countryName("CI", Locale.FRENCH)).startsWith("Côte d");
		assertThat(ParticipantNames.countryName("DE", Locale.FRENCH)).isEqualTo("Allemagne");
		Participant eu = Participant.admit(new ParticipantDetails("EU", null, "European Union", ParticipantType.REIO,
				"Europe", List.of("en", "fr"), List.of(), List.of("FR", "DE"), false, null), LocalDate.of(2003, 1, 1),
				"admin@example.org", this.clock);
		assertThat(names.of(eu, Locale.FRENCH)).isEqualTo("Union européenne");
		assertThat(names.of(eu, Locale.ENGLISH)).as("falls back to the reference name").isEqualTo("European Union");
	}

	@Test
	void onlyAdmittedOrReadmittedParticipantsAreActive() {
		assertThat(MembershipStatus.ADMITTED.isActive()).isTrue();
		assertThat(MembershipStatus.READMITTED.isActive()).isTrue();
		assertThat(MembershipStatus.SUSPENDED.isActive()).isFalse();
		assertThat(MembershipStatus.SELF_SUSPENDED.isActive()).isFalse();
		assertThat(MembershipStatus.EXPELLED.isActive()).isFalse();
	}

	@Test
	void aProposedOrganisationIsVettedOrRejectedOnce() {
		Organisation proposed = Organisation.propose("Ministry of Mines Training Centre", OrganisationType.GOVERNMENT,
				"p@example.org", this.clock);
		assertThat(proposed.getStatus()).isEqualTo(OrganisationStatus.PROPOSED);
		proposed.vet("c@example.org", this.clock);
		assertThat(proposed.getStatus()).isEqualTo(OrganisationStatus.ACTIVE);
		proposed.vet("c@example.org", this.clock);
		assertThatThrownBy(() -> proposed.reject("c@example.org", "no", this.clock))
			.isInstanceOf(IllegalTransition.class);
		assertThat(DomainEvents.of(proposed, DecisionMade.class)).extracting(DecisionMade::action)
			.containsExactly("PROPOSED", "VETTED");
	}

	@Test
	void aRejectedOrganisationCannotBeVetted() {
		Organisation proposed = Organisation.propose("Unknown Body", OrganisationType.PRIVATE, "p@example.org",
				this.clock);
		proposed.reject("c@example.org", "Not a real organisation", this.clock);
		assertThatThrownBy(() -> proposed.vet("c@example.org", this.clock)).isInstanceOf(IllegalTransition.class);
	}

	@Test
	void labelsShowTheShortName() {
		assertThat(new OrganisationSummary(1L, "World Customs Organization", "WCO", OrganisationType.INTERNATIONAL_ORG,
				OrganisationStatus.ACTIVE, null).label()).isEqualTo("World Customs Organization (WCO)");
		assertThat(new OrganisationSummary(2L, "IMPACT", "IMPACT", OrganisationType.CIVIL_SOCIETY,
				OrganisationStatus.ACTIVE, null).label()).isEqualTo("IMPACT");
	}
}
