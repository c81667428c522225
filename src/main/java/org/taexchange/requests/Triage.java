package org.taexchange.requests;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.AccountUser;
import org.taexchange.platform.AdminTile;
import org.taexchange.platform.AdminTiles;
import org.taexchange.platform.ArrayColumns;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.Versions;
import org.taexchange.requests.RequestMessage.Author;

/**
 * The coordinator's side of a submitted request: the queue, and each decision of triage. A decision
 * is taken on the version of the request the coordinator saw; if someone acted since, it is
 * refused and the coordinator sees the current state.
 */
@Service
class Triage implements AdminTiles {

	/** What a coordinator can do with a request in triage. */
	enum Decision {
		START_REVIEW(false), ASK_INFORMATION(true), OPEN_FOR_MATCHING(false), REJECT(true), HOLD(true), RESUME(false),
		MESSAGE(true);

		private final boolean needsText;

		Decision(boolean needsText) {
			this.needsText = needsText;
		}

		boolean needsText() {
			return this.needsText;
		}
	}

	private final AssistanceRequests requests;

	private final TriageDeadline deadline;

	private final Clock clock;

	Triage(AssistanceRequests requests, TriageDeadline deadline, Clock clock) {
		this.requests = requests;
		this.deadline = deadline;
		this.clock = clock;
	}

	/** One page of submitted requests matching the filter, in its order. */
	@Transactional(readOnly = true)
	Page<AssistanceRequest> queue(QueueFilter filter, int page, int size) {
		Sort sort = switch (filter.getOrder()) {
			case WAITING -> Sort.by("statusChangedAt").ascending();
			case RECENT -> Sort.by("statusChangedAt").descending();
			// URGENT > SOON > ROUTINE, which is also their reverse alphabetical order
			case URGENCY -> Sort.by(Sort.Order.desc("urgency"), Sort.Order.asc("statusChangedAt"));
		};
		Pageable pageable = PageRequest.of(Math.max(page, 0), size, sort.and(Sort.by("id")));
		return this.requests.findAll(matching(filter), pageable);
	}

	private Specification<AssistanceRequest> matching(QueueFilter filter) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(cb.notEqual(root.get("status"), RequestStatus.DRAFT));
			if (filter.getStatus() != null) {
				where.add(cb.equal(root.get("status"), filter.getStatus()));
			}
			if (filter.getParticipant() != null) {
				where.add(cb.equal(root.get("requestingParticipant"), filter.getParticipant()));
			}
			if (filter.getUrgency() != null) {
				where.add(cb.equal(root.get("urgency"), filter.getUrgency()));
			}
			if (filter.getArea() != null) {
				where.add(ArrayColumns.holds(cb, root.get("expertiseAreas"), filter.getArea()));
			}
			if (filter.isOverdue()) {
				where.add(root.get("status").in(RequestStatus.SUBMITTED, RequestStatus.UNDER_REVIEW));
				where.add(cb.lessThan(root.get("statusChangedAt"), this.deadline.overdueBefore()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	/**
	 * Takes a decision on the request as the coordinator saw it. Text is the question, the reason or
	 * the message, for the decisions that need one.
	 */
	@Transactional
	void decide(ReferenceNumber reference, long shownVersion, AccountUser coordinator, Decision decision,
			String text) {
		AssistanceRequest request = this.requests.findByReference(reference.value())
			.filter(r -> r.getStatus() != RequestStatus.DRAFT)
			.orElseThrow(() -> new NotFound("request"));
		if (decision != Decision.MESSAGE) {
			Versions.requireUnchanged(AssistanceRequest.class, request.getId(), request.getVersion(), shownVersion);
		}
		String actor = coordinator.getUsername();
		switch (decision) {
			case START_REVIEW -> request.startReview(actor, this.clock);
			case ASK_INFORMATION -> request.askForInformation(author(coordinator), text, this.clock);
			case OPEN_FOR_MATCHING -> request.openForMatching(actor, this.clock);
			case REJECT -> request.reject(actor, text, this.clock);
			case HOLD -> request.putOnHold(actor, text, this.clock);
			case RESUME -> request.resume(actor, this.clock);
			case MESSAGE -> request.sendMessage(author(coordinator), text, this.clock);
		}
		this.requests.saveAndFlush(request);
	}

	private static Author author(AccountUser coordinator) {
		return new Author(coordinator.id(), coordinator.fullName(), coordinator.getUsername(), true);
	}

	/** Requests waiting for a coordinator: submitted and not yet reviewed, or under review. */
	@Override
	@Transactional(readOnly = true)
	public AdminTile tile() {
		return new AdminTile("admin.tile.requests",
				this.requests.countByStatusIn(List.of(RequestStatus.SUBMITTED, RequestStatus.UNDER_REVIEW)),
				"/admin/requests?order=WAITING");
	}
}
