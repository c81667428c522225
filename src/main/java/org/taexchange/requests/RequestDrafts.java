package org.taexchange.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Role;
import org.taexchange.accounts.Standing;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.Versions;

/**
 * Writing a request: an official starts a draft for their own participant, saves it step by step,
 * and submits it. Drafts are seen by their author only; anyone else is told they do not exist.
 */
@Service
class RequestDrafts {

	private final AssistanceRequests requests;

	private final ReferenceNumbers numbers;

	private final Standing standing;

	private final Clock clock;

	RequestDrafts(AssistanceRequests requests, ReferenceNumbers numbers, Standing standing, Clock clock) {
		this.requests = requests;
		this.numbers = numbers;
		this.standing = standing;
		this.clock = clock;
	}

	/** Starts a draft from step 1; the requesting participant is always the official's own. */
	@Transactional
	long start(AccountUser official, WhoIsAsking who) {
		if (official.role() != Role.REQUESTER || official.participantCode() == null) {
			throw new NotAnOfficial();
		}
		return this.requests
			.save(AssistanceRequest.draft(official.id(), who.forParticipant(official.participantCode()), this.clock))
			.getId();
	}

	@Transactional
	void save(long draftId, AccountUser official, WhoIsAsking who) {
		edit(draftId, official, draft -> draft.describe(who.forParticipant(official.participantCode()), this.clock));
	}

	@Transactional
	void save(long draftId, AccountUser official, TheNeed need) {
		edit(draftId, official, draft -> draft.describe(need, this.clock));
	}

	@Transactional
	void save(long draftId, AccountUser official, ExpertiseWanted expertise) {
		edit(draftId, official, draft -> draft.describe(expertise, this.clock));
	}

	@Transactional
	void save(long draftId, AccountUser official, Practicalities practicalities) {
		edit(draftId, official, draft -> draft.describe(practicalities, this.clock));
	}

	private void edit(long draftId, AccountUser official, Consumer<AssistanceRequest> change) {
		AssistanceRequest draft = ownDraft(draftId, official);
		change.accept(draft);
		this.requests.save(draft);
	}

	/**
	 * Submits the draft the official reviewed (at the version they saw) and returns its reference.
	 * Submitting again — a double click, the back button — returns the same reference and changes
	 * nothing.
	 */
	@Transactional
	ReferenceNumber submit(long draftId, long shownVersion, AccountUser official) {
		AssistanceRequest request = own(draftId, official);
		if (request.getReference() != null) {
			return new ReferenceNumber(request.getReference());
		}
		if (!this.standing.maySubmit(official.id())) {
			throw new NotYetApproved();
		}
		Versions.requireUnchanged(AssistanceRequest.class, draftId, request.getVersion(), shownVersion);
		request.submit(this.numbers.next(LocalDate.now(this.clock).getYear()), official.getUsername(), this.clock);
		this.requests.save(request);
		return new ReferenceNumber(request.getReference());
	}

	private AssistanceRequest ownDraft(long draftId, AccountUser official) {
		AssistanceRequest request = own(draftId, official);
		if (request.getStatus() != RequestStatus.DRAFT) {
			throw new NotFound("draft");
		}
		return request;
	}

	private AssistanceRequest own(long draftId, AccountUser official) {
		return this.requests.findById(draftId)
			.filter(r -> Objects.equals(r.getOwnerId(), official.id()))
			.orElseThrow(() -> new NotFound("request"));
	}

	/** Only officials of a participant write requests. */
	static class NotAnOfficial extends RuntimeException {

		NotAnOfficial() {
			super("Only officials of a participant can ask for assistance");
		}
	}

	/** The account has not been verified and approved yet. */
	static class NotYetApproved extends RuntimeException {

		NotYetApproved() {
			super("The account is not yet approved to submit");
		}
	}
}
