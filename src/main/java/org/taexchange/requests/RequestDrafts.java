package org.taexchange.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Role;
import org.taexchange.accounts.Standing;
import org.taexchange.offers.ChosenOffer;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.Versions;
import org.taexchange.requests.RequestMessage.Author;

/**
 * Writing a request: an official starts a draft for their own participant, saves it step by step,
 * attaches files, and submits it. Drafts are seen by their author only; anyone else is told they do
 * not exist. When the coordinator asks for information, every official of the participant may edit
 * the request and send the changes back.
 */
@Service
class RequestDrafts {

	/** At most this many files per request. */
	static final int MAX_ATTACHMENTS = 10;

	/** At most this many bytes per file. */
	static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	private final AssistanceRequests requests;

	private final RequestAttachments attachments;

	private final ReferenceNumbers numbers;

	private final FileTypes fileTypes;

	private final Standing standing;

	private final Clock clock;

	RequestDrafts(AssistanceRequests requests, RequestAttachments attachments, ReferenceNumbers numbers,
			FileTypes fileTypes, Standing standing, Clock clock) {
		this.requests = requests;
		this.attachments = attachments;
		this.numbers = numbers;
		this.fileTypes = fileTypes;
		this.standing = standing;
		this.clock = clock;
	}

	/** Starts a draft from step 1; the requesting participant is always the official's own. */
	@Transactional
	long start(AccountUser official, WhoIsAsking who) {
		if (official.role() != Role.REQUESTER || official.participantCode() == null) {
			throw new NotAnOfficial();
		}
		if (!this.standing.mayStartDraft(official.id(),
				this.requests.countByOwnerIdAndStatus(official.id(), RequestStatus.DRAFT))) {
			throw new DraftLimitReached();
		}
		return this.requests
			.save(AssistanceRequest.draft(official.id(), who.forParticipant(official.participantCode()), this.clock))
			.getId();
	}

	/** The draft asks for an offer of the catalogue: it starts with the offer's areas, ways of working and languages. */
	@Transactional
	void askFor(long id, AccountUser official, ChosenOffer offer) {
		edit(id, official, null, draft -> draft.chooseOffer(offer.id(), offer.areas(), offer.modalities(),
				offer.workingLanguages(), this.clock));
	}

	/** The request as its editor sees it: their own draft, or their participant's request waiting for information. */
	@Transactional(readOnly = true)
	AssistanceRequest editable(long id, AccountUser official) {
		return own(id, official);
	}

	/** The official's drafts, most recently edited first. */
	@Transactional(readOnly = true)
	List<AssistanceRequest> draftsOf(AccountUser official) {
		return this.requests.findByOwnerIdAndStatusOrderByUpdatedAtDesc(official.id(), RequestStatus.DRAFT);
	}

	@Transactional
	void save(long id, AccountUser official, WhoIsAsking who) {
		edit(id, official, "who", draft -> draft.describe(who.forParticipant(official.participantCode()), this.clock));
	}

	@Transactional
	void save(long id, AccountUser official, TheNeed need) {
		edit(id, official, "need", draft -> draft.describe(need, this.clock));
	}

	@Transactional
	void save(long id, AccountUser official, ExpertiseWanted expertise) {
		edit(id, official, "expertise", draft -> draft.describe(expertise, this.clock));
	}

	@Transactional
	void save(long id, AccountUser official, Practicalities practicalities) {
		edit(id, official, "practicalities", draft -> draft.describe(practicalities, this.clock));
	}

	@Transactional
	void attachmentsReviewed(long id, AccountUser official) {
		edit(id, official, null, draft -> draft.attachmentsReviewed(this.clock));
	}

	/** The files attached so far, without their content. */
	@Transactional(readOnly = true)
	List<RequestAttachments.Listed> attachmentsOf(long id, AccountUser official) {
		return this.attachments.listFor(own(id, official).getId());
	}

	/**
	 * Attaches a file after checking its size and its type from the content.
	 * @throws RejectedFile with the message key that says why
	 */
	@Transactional
	void attach(long id, AccountUser official, String fileName, byte[] content) {
		AssistanceRequest request = own(id, official);
		if (!this.standing.maySubmit(official.id())) {
			throw new RejectedFile("request.attachment.notYetApproved");
		}
		if (content.length == 0) {
			throw new RejectedFile("request.attachment.empty");
		}
		if (content.length > MAX_FILE_BYTES) {
			throw new RejectedFile("request.attachment.tooLarge");
		}
		String type = this.fileTypes.acceptedTypeOf(content)
			.orElseThrow(() -> new RejectedFile("request.attachment.wrongType"));
		if (this.attachments.countByRequestId(id) >= MAX_ATTACHMENTS) {
			throw new RejectedFile("request.attachment.tooMany");
		}
		request.attachmentsChanged(this.clock);
		request.recordEdit(official.getUsername(), "attachments", this.clock);
		this.requests.save(request);
		this.attachments.save(new RequestAttachment(id, cleanName(fileName, type), type, content, official.id(),
				this.clock.instant()));
	}

	@Transactional
	void detach(long id, AccountUser official, long attachmentId) {
		AssistanceRequest request = own(id, official);
		RequestAttachment attachment = this.attachments.findByIdAndRequestId(attachmentId, id)
			.orElseThrow(() -> new NotFound("attachment"));
		request.attachmentsChanged(this.clock);
		request.recordEdit(official.getUsername(), "attachments", this.clock);
		this.requests.save(request);
		this.attachments.delete(attachment);
	}

	/**
	 * A file name safe to show and to send back: no folders, no control characters, at most 120
	 * characters, and the extension of the type found in the content.
	 */
	static String cleanName(String original, String type) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name;
		if (stem.isBlank()) {
			stem = "attachment";
		}
		if (stem.length() > 120) {
			stem = stem.substring(0, 120);
		}
		return stem + "." + FileTypes.ACCEPTED.get(type);
	}

	/** Changes the request; a named part of a submitted request is also recorded as an edit. */
	private void edit(long id, AccountUser official, String part, Consumer<AssistanceRequest> change) {
		AssistanceRequest request = own(id, official);
		change.accept(request);
		if (part != null) {
			request.recordEdit(official.getUsername(), part, this.clock);
		}
		this.requests.save(request);
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

	/**
	 * Sends the changes made while the coordinator waited for information, with an optional note;
	 * the review goes on. Sending again changes nothing.
	 */
	@Transactional
	ReferenceNumber sendChanges(long id, long shownVersion, AccountUser official, String note) {
		AssistanceRequest request = own(id, official);
		if (request.getReference() == null) {
			throw new IllegalTransition("request", request.getStatus().name(), "INFORMATION_GIVEN");
		}
		if (request.getStatus() != RequestStatus.NEEDS_INFO) {
			return new ReferenceNumber(request.getReference());
		}
		Versions.requireUnchanged(AssistanceRequest.class, id, request.getVersion(), shownVersion);
		if (note != null && !note.isBlank()) {
			request.sendMessage(new Author(official.id(), official.fullName(), official.getUsername(), false), note,
					this.clock);
		}
		else {
			request.informationGiven(official.getUsername(), this.clock);
		}
		this.requests.save(request);
		return new ReferenceNumber(request.getReference());
	}

	/**
	 * A request this official may edit: their own draft (or their submitted one, for a repeated
	 * submit), or a request of their participant waiting for information. Anything else does not exist for them.
	 */
	private AssistanceRequest own(long id, AccountUser official) {
		return this.requests.findById(id).filter(r -> mayEdit(r, official)).orElseThrow(() -> new NotFound("request"));
	}

	/**
	 * The author, on their own draft; once submitted, an official who may act for the participant
	 * (the author again, for a repeated submit, or any of them on a request waiting for information).
	 */
	private boolean mayEdit(AssistanceRequest request, AccountUser official) {
		if (official.role() != Role.REQUESTER) {
			return false;
		}
		if (request.getStatus() == RequestStatus.DRAFT) {
			return Objects.equals(request.getOwnerId(), official.id());
		}
		boolean mayAct = this.standing.mayActForParticipant(official, request.getRequestingParticipant());
		return mayAct && (Objects.equals(request.getOwnerId(), official.id())
				|| request.getStatus() == RequestStatus.NEEDS_INFO);
	}

	/** Only officials of a participant write requests. */
	static class NotAnOfficial extends RuntimeException {

		NotAnOfficial() {
			super("Only officials of a participant can ask for assistance");
		}
	}

	/** An account not approved yet keeps only a few drafts. */
	static class DraftLimitReached extends RuntimeException {

		DraftLimitReached() {
			super("An account not approved yet keeps only a few drafts");
		}
	}

	/** The account has not been verified and approved yet. */
	static class NotYetApproved extends RuntimeException {

		NotYetApproved() {
			super("The account is not yet approved to submit");
		}
	}

	/** A file that cannot be attached; the key says why. */
	static class RejectedFile extends RuntimeException {

		private final String messageKey;

		RejectedFile(String messageKey) {
			super("File refused: " + messageKey);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}
	}
}
