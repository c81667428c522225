package org.taexchange.requests;

import java.time.Clock;
import java.util.List;

import org.hibernate.Hibernate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Role;
import org.taexchange.accounts.Standing;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.NotInGoodStanding;
import org.taexchange.platform.Versions;
import org.taexchange.requests.RequestMessage.Author;

/**
 * A submitted request as the people around it follow it: every official of the requesting
 * participant and the coordinators see it, its files and its messages; to anyone else it does not exist.
 * Officials answer questions and may withdraw it.
 */
@Service
class RequestFollowUp {

	private final AssistanceRequests requests;

	private final RequestAttachments attachments;

	private final Standing standing;

	private final Clock clock;

	RequestFollowUp(AssistanceRequests requests, RequestAttachments attachments, Standing standing, Clock clock) {
		this.requests = requests;
		this.attachments = attachments;
		this.standing = standing;
		this.clock = clock;
	}

	/**
	 * Whether this official may see their participant's requests: only once verified and approved
	 * (read from the database, not from the sign-in), since anyone can register naming a participant.
	 */
	@Transactional(readOnly = true)
	boolean isApprovedOfficial(AccountUser official) {
		return this.standing.maySeeParticipant(official, official.participantCode());
	}

	/** One page of the participant's submitted requests, most recently changed first. */
	@Transactional(readOnly = true)
	Page<AssistanceRequest> ofParticipant(AccountUser official, Pageable page) {
		if (!isApprovedOfficial(official)) {
			return Page.empty(page);
		}
		return this.requests.findByRequestingParticipantAndStatusNot(official.participantCode(), RequestStatus.DRAFT,
				page);
	}

	/** The request with its timeline and messages, if this person may see it. */
	@Transactional(readOnly = true)
	AssistanceRequest visible(ReferenceNumber reference, AccountUser viewer) {
		AssistanceRequest request = find(reference, viewer);
		Hibernate.initialize(request.getTimelineForReading());
		Hibernate.initialize(request.getMessagesForReading());
		return request;
	}

	@Transactional(readOnly = true)
	List<RequestAttachments.Listed> attachmentsOf(AssistanceRequest request) {
		return this.attachments.listFor(request.getId());
	}

	/** A file of a request this person may see, with its content. */
	@Transactional(readOnly = true)
	RequestAttachment attachment(ReferenceNumber reference, long attachmentId, AccountUser viewer) {
		AssistanceRequest request = find(reference, viewer);
		RequestAttachment attachment = this.attachments.findByIdAndRequestId(attachmentId, request.getId())
			.orElseThrow(() -> new NotFound("attachment"));
		Hibernate.initialize(attachment.getContent());
		return attachment;
	}

	/** An official writes to the coordinators; while they wait for information, this is the answer. */
	@Transactional
	void reply(ReferenceNumber reference, AccountUser official, String text) {
		AssistanceRequest request = findForOfficial(reference, official);
		request.sendMessage(new Author(official.id(), official.fullName(), official.getUsername(), false), text,
				this.clock);
		this.requests.save(request);
	}

	@Transactional
	void withdraw(ReferenceNumber reference, long shownVersion, AccountUser official, String reason) {
		AssistanceRequest request = findForOfficial(reference, official);
		Versions.requireUnchanged(AssistanceRequest.class, request.getId(), request.getVersion(), shownVersion);
		request.withdraw(official.getUsername(), reason, this.clock);
		this.requests.save(request);
	}

	private AssistanceRequest findForOfficial(ReferenceNumber reference, AccountUser official) {
		AssistanceRequest request = find(reference, official);
		if (official.role() != Role.REQUESTER) {
			throw new NotFound("request");
		}
		if (!this.standing.mayActForParticipant(official, request.getRequestingParticipant())) {
			throw new NotInGoodStanding("request");
		}
		return request;
	}

	private AssistanceRequest find(ReferenceNumber reference, AccountUser viewer) {
		return this.requests.findByReference(reference.value())
			.filter(request -> maySee(request, viewer))
			.orElseThrow(() -> new NotFound("request"));
	}

	/** Coordinators see every submitted request; approved officials those of their own participant. */
	private boolean maySee(AssistanceRequest request, AccountUser viewer) {
		if (request.getStatus() == RequestStatus.DRAFT) {
			return false;
		}
		return switch (viewer.role()) {
			case COORDINATOR, ADMIN -> true;
			case REQUESTER -> this.standing.maySeeParticipant(viewer, request.getRequestingParticipant());
			case PROVIDER -> false;
		};
	}
}
