package org.taexchange.requests;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.taexchange.accounts.AccountUser;
import org.taexchange.participants.Modality;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.platform.NotFound;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class RequestDraftsTests {

	@Autowired
	RequestDrafts drafts;

	@Autowired
	AssistanceRequests requests;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private AccountUser user(String email) {
		return (AccountUser) this.users.loadUserByUsername(email);
	}

	private long aCompleteDraft(AccountUser official) {
		long id = this.drafts.start(official, new WhoIsAsking("SL", List.of("SL", "LR", "GN", "CI"), "Fatmata Koroma",
				"Head of monitoring", "focal@example.org", "+232 00 000 000"));
		this.drafts.save(id, official, new TheNeed("Regional valuation training",
				"Valuers lack practice with rough goods.", "Train twenty valuers.",
				"Valuations within 5 % of reference prices.", null, 2025, null, null));
		this.drafts.save(id, official,
				new ExpertiseWanted(List.of("VALUATION", "STATISTICS"), "VALUATION", List.of(Modality.WORKSHOP)));
		this.drafts.save(id, official, new Practicalities(List.of("en", "fr"), null, LocalDate.of(2027, 2, 1),
				LocalDate.of(2027, 6, 30), Urgency.SOON, 20, "Government valuers", Funding.NEEDS_FULL_FUNDING));
		return id;
	}

	private long version(long id) {
		return this.requests.findById(id).orElseThrow().getVersion();
	}

	@Test
	void anOfficialWritesInStepsAndSubmitsOnceWhateverTheClicks() {
		AccountUser official = user("official.sl@example.org");
		long id = aCompleteDraft(official);
		AssistanceRequest draft = this.requests.findById(id).orElseThrow();
		assertThat(draft.getStepReached()).isEqualTo(5);
		assertThat(draft.getBeneficiaryCountries()).containsExactly("SL", "LR", "GN", "CI");

		ReferenceNumber reference = this.drafts.submit(id, version(id), official);
		assertThat(reference.value()).startsWith("TA-" + Year.now() + "-");
		assertThat(this.drafts.submit(id, 0, official)).as("a second click").isEqualTo(reference);
		assertThat(this.jdbc.queryForObject("select count(*) from assistance_request where reference = ?",
				Integer.class, reference.value()))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"select to_status from request_status_change where request_id = ? order by id", String.class, id))
			.containsExactly("SUBMITTED");
		assertThat(this.jdbc.queryForObject(
				"select actor from decision_log where subject_type = 'REQUEST' and subject_id = ? and action = 'SUBMITTED'",
				String.class, reference.value()))
			.isEqualTo("official.sl@example.org");
		assertThatThrownBy(() -> this.drafts.save(id, official,
				new TheNeed("Changed", "x", "x", "x", null, null, null, null)))
			.as("a submitted request is no longer a draft")
			.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void theRequestingParticipantIsAlwaysTheOfficialsOwn() {
		AccountUser official = user("official.sl@example.org");
		long id = this.drafts.start(official,
				new WhoIsAsking("CI", List.of("CI"), "Someone", null, "someone@example.org", null));
		assertThat(this.requests.findById(id).orElseThrow().getRequestingParticipant()).isEqualTo("SL");
	}

	@Test
	void anotherOfficialIsToldTheDraftDoesNotExist() {
		long id = aCompleteDraft(user("official.sl@example.org"));
		AccountUser other = user("official.ci@example.org");
		assertThatThrownBy(() -> this.drafts.save(id, other,
				new TheNeed("Taken over", "x", "x", "x", null, null, null, null)))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.drafts.submit(id, version(id), other)).isInstanceOf(NotFound.class);
		assertThat(this.requests.findById(id).orElseThrow().getTitle()).isEqualTo("Regional valuation training");
	}

	@Test
	void providersAndCoordinatorsDoNotWriteRequests() {
		WhoIsAsking who = new WhoIsAsking("SL", List.of("SL"), "A", null, "a@example.org", null);
		assertThatThrownBy(() -> this.drafts.start(user("provider@example.org"), who))
			.isInstanceOf(RequestDrafts.NotAnOfficial.class);
		assertThatThrownBy(() -> this.drafts.start(user("coordinator@example.org"), who))
			.isInstanceOf(RequestDrafts.NotAnOfficial.class);
	}

	@Test
	void anIncompleteOrStaleDraftIsNotSubmitted() {
		AccountUser official = user("official.sl@example.org");
		long incomplete = this.drafts.start(official,
				new WhoIsAsking("SL", List.of("SL"), "A", null, "a@example.org", null));
		assertThatThrownBy(() -> this.drafts.submit(incomplete, version(incomplete), official))
			.isInstanceOf(IncompleteRequest.class);
		long complete = aCompleteDraft(official);
		long seen = version(complete);
		this.drafts.save(complete, official, new ExpertiseWanted(List.of("VALUATION"), "VALUATION",
				List.of(Modality.EXPERT_MISSION)));
		assertThatThrownBy(() -> this.drafts.submit(complete, seen, official))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(this.requests.findById(complete).orElseThrow().getStatus()).isEqualTo(RequestStatus.DRAFT);
	}

	@Test
	void anOfficialWhoseApprovalIsWithdrawnMeanwhileCannotSubmit() {
		AccountUser official = user("official.ci@example.org");
		long id = aCompleteDraft(official);
		this.jdbc.update("update account set status = 'PENDING' where email = 'official.ci@example.org'");
		try {
			assertThatThrownBy(() -> this.drafts.submit(id, version(id), official))
				.isInstanceOf(RequestDrafts.NotYetApproved.class);
		}
		finally {
			this.jdbc.update("update account set status = 'APPROVED' where email = 'official.ci@example.org'");
		}
		assertThat(this.drafts.submit(id, version(id), official).value()).startsWith("TA-");
	}
}
