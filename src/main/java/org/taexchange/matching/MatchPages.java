package org.taexchange.matching;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Standing;
import org.taexchange.offers.OfferProfile;
import org.taexchange.offers.OfferSupply;
import org.taexchange.platform.AdminTile;
import org.taexchange.platform.AdminTiles;
import org.taexchange.platform.NotFound;
import org.taexchange.requests.RequestProfile;
import org.taexchange.requests.RequestsForMatching;

/** What people read of matches: one match with what it pairs, the coordinators' board, and "my matches". */
@Service
class MatchPages implements AdminTiles {

	private final Matches matches;

	private final RequestsForMatching requests;

	private final OfferSupply offers;

	private final MatchDeadlines deadlines;

	private final Standing standing;

	MatchPages(Matches matches, RequestsForMatching requests, OfferSupply offers, MatchDeadlines deadlines,
			Standing standing) {
		this.standing = standing;
		this.matches = matches;
		this.requests = requests;
		this.offers = offers;
		this.deadlines = deadlines;
	}

	/** One match as its reader may see it. */
	record Shown(Match match, MatchLifecycle.Side side, RequestProfile request, OfferProfile offer,
			java.time.LocalDate due, boolean overdue) {
	}

	/** The match, if this person is on one of its sides; otherwise it does not exist for them. */
	@Transactional(readOnly = true)
	Shown match(long id, AccountUser user) {
		Match match = this.matches.findById(id).orElseThrow(() -> new NotFound("match"));
		MatchLifecycle.Side side = MatchLifecycle.sideOf(user, match, this.standing);
		if (side == null) {
			throw new NotFound("match");
		}
		match.getTimeline().size();
		match.getParts().size();
		RequestProfile request = this.requests.profile(match.getRequestId()).orElseThrow(() -> new NotFound("request"));
		OfferProfile offer = this.offers.profile(match.getOfferId()).orElseThrow(() -> new NotFound("offer"));
		return new Shown(match, side, request, offer, this.deadlines.dueDate(match), this.deadlines.isOverdue(match));
	}

	/** The coordinators' board: matches by status, those waiting longest first; overdue ones flagged. */
	record Board(Page<Match> page, Set<Long> overdue) {
	}

	@Transactional(readOnly = true)
	Board board(MatchStatus status, boolean onlyOverdue, int page, int size) {
		Specification<Match> spec = (root, query, cb) -> cb.conjunction();
		if (status != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
		}
		Page<Match> found;
		if (onlyOverdue) {
			List<Match> all = this.matches.findAll(spec.and((root, query, cb) -> root.get("status")
				.in(MatchStatus.PROPOSED, MatchStatus.APPROVED, MatchStatus.ACCEPTED)), Sort.by("statusChangedAt", "id"))
				.stream()
				.filter(this.deadlines::isOverdue)
				.toList();
			int from = Math.min(Math.max(page, 0) * size, all.size());
			found = new org.springframework.data.domain.PageImpl<>(all.subList(from, Math.min(from + size, all.size())),
					PageRequest.of(Math.max(page, 0), size), all.size());
		}
		else {
			found = this.matches.findAll(spec, PageRequest.of(Math.max(page, 0), size, Sort.by("statusChangedAt", "id")));
		}
		Set<Long> overdue = found.stream().filter(this.deadlines::isOverdue).map(Match::getId).collect(Collectors.toSet());
		return new Board(found, overdue);
	}

	/** A provider's matches on its organisation's offers, or an official's on its participant's requests. */
	@Transactional(readOnly = true)
	List<Match> mine(AccountUser user) {
		Specification<Match> spec;
		if (this.standing.maySeeOrganisation(user, user.organisationId())) {
			spec = (root, query, cb) -> cb.and(cb.equal(root.get("organisationId"), user.organisationId()),
					cb.isNotNull(root.get("approvedAt")));
		}
		else if (this.standing.maySeeParticipant(user, user.participantCode())) {
			spec = (root, query, cb) -> cb.and(cb.equal(root.get("requestingParticipant"), user.participantCode()),
					cb.isNotNull(root.get("acceptedAt")));
		}
		else {
			return List.of();
		}
		return this.matches.findAll(spec, Sort.by(Sort.Direction.DESC, "statusChangedAt", "id"));
	}

	Set<Long> overdueAmong(List<Match> matches) {
		return matches.stream().filter(this.deadlines::isOverdue).map(Match::getId).collect(Collectors.toSet());
	}

	@Override
	@Transactional(readOnly = true)
	public AdminTile tile() {
		return new AdminTile("admin.tile.matches", this.matches.countByStatus(MatchStatus.PROPOSED),
				"/admin/matches?status=PROPOSED");
	}
}
