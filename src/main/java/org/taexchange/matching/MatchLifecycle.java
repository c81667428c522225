package org.taexchange.matching;

import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.accounts.AccountUser;
import org.taexchange.accounts.Role;
import org.taexchange.accounts.Standing;
import org.taexchange.audit.DecisionMade;
import org.taexchange.matching.Match.CapacityMove;
import org.taexchange.offers.OfferSupply;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.platform.NotFound;
import org.taexchange.platform.NotInGoodStanding;
import org.taexchange.platform.Versions;
import org.taexchange.requests.RequestEvents.RequestWithdrawn;
import org.taexchange.requests.RequestsForMatching;

/**
 * Moves a match along its lifecycle on the version its actor saw, checking who may take each step,
 * and moves the offer's capacity and the request's status in the same transaction.
 */
@Service
class MatchLifecycle {

	/** A step on a match, and who may take it. */
	enum Step {
		APPROVE(Side.COORDINATOR, false), REJECT(Side.COORDINATOR, true), CANCEL(Side.COORDINATOR, true),
		START_DELIVERY(Side.COORDINATOR, false), COMPLETE(Side.COORDINATOR, false), ACCEPT(Side.PROVIDER, false),
		DECLINE_OFFER(Side.PROVIDER, true), CONFIRM(Side.REQUESTER, false), DECLINE_MATCH(Side.REQUESTER, true);

		final Side side;

		final boolean needsReason;

		Step(Side side, boolean needsReason) {
			this.side = side;
			this.needsReason = needsReason;
		}

		public boolean needsReason() {
			return this.needsReason;
		}
	}

	/** The three sides of a match. */
	enum Side {
		COORDINATOR, PROVIDER, REQUESTER
	}

	private final Matches matches;

	private final OfferSupply offers;

	private final RequestsForMatching requests;

	private final TransactionTemplate transactions;

	private final Standing standing;

	private final Clock clock;

	MatchLifecycle(Matches matches, OfferSupply offers, RequestsForMatching requests, Standing standing,
			PlatformTransactionManager transactions, Clock clock) {
		this.standing = standing;
		this.matches = matches;
		this.offers = offers;
		this.requests = requests;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * The side this person is on for this match, or null when none. Providers and officials are on it only
	 * once their account is approved: someone who merely registered for an organisation or a participant
	 * neither sees its matches nor answers for it.
	 */
	static Side sideOf(AccountUser user, Match match, Standing standing) {
		if (user.role() == Role.COORDINATOR || user.role() == Role.ADMIN) {
			return Side.COORDINATOR;
		}
		if (match.shownToProvider() && standing.maySeeOrganisation(user, match.getOrganisationId())) {
			return Side.PROVIDER;
		}
		if (match.shownToRequester() && standing.maySeeParticipant(user, match.getRequestingParticipant())) {
			return Side.REQUESTER;
		}
		return null;
	}

	/**
	 * Takes the step. Taking an offer's last engagement at the same moment as another coordinator is
	 * refused with {@link NoCapacityLeft}, whichever way the collision shows.
	 */
	void take(long matchId, long shownVersion, Step step, String reason, AccountUser user) {
		try {
			this.transactions.executeWithoutResult(status -> apply(matchId, shownVersion, step, reason, user));
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			if (step == Step.APPROVE && !Match.class.getName().equals(ex.getPersistentClassName())) {
				throw new NoCapacityLeft();
			}
			throw ex;
		}
		catch (DataIntegrityViolationException ex) {
			if (step == Step.APPROVE) {
				throw new NoCapacityLeft();
			}
			throw ex;
		}
	}

	private void apply(long matchId, long shownVersion, Step step, String reason, AccountUser user) {
		Match match = this.matches.findById(matchId).orElseThrow(() -> new NotFound("match"));
		Side side = sideOf(user, match, this.standing);
		if (side == null) {
			throw new NotFound("match");
		}
		if (side != step.side) {
			throw new org.springframework.security.access.AccessDeniedException("Not this side's step");
		}
		if (side == Side.REQUESTER && !this.standing.mayActForParticipant(user, match.getRequestingParticipant())
				|| side == Side.PROVIDER && !this.standing.mayActForOrganisation(user, match.getOrganisationId())) {
			throw new NotInGoodStanding("match");
		}
		Versions.requireUnchanged(Match.class, matchId, match.getVersion(), shownVersion);
		String actor = user.getUsername();
		CapacityMove move = switch (step) {
			case APPROVE -> match.approve(actor, this.clock);
			case REJECT -> match.reject(actor, reason, this.clock);
			case CANCEL -> match.cancel(actor, reason, this.clock);
			case START_DELIVERY -> match.startDelivery(actor, this.clock);
			case COMPLETE -> match.complete(actor, this.clock);
			case ACCEPT -> match.accept(actor, this.clock);
			case DECLINE_OFFER -> match.declineAsProvider(actor, reason, this.clock);
			case CONFIRM -> match.confirm(actor, this.clock);
			case DECLINE_MATCH -> match.declineAsRequester(actor, reason, this.clock);
		};
		boolean wasConfirmed = move == CapacityMove.RELEASE_USED;
		this.matches.saveAndFlush(match);
		moveCapacity(match, move, actor);
		switch (step) {
			case CONFIRM -> this.requests.matched(match.getRequestId(), actor, match.getOfferReference());
			case START_DELIVERY -> this.requests.deliveryStarted(match.getRequestId(), actor);
			case COMPLETE -> this.requests.delivered(match.getRequestId(), actor);
			case CANCEL -> {
				if (wasConfirmed) {
					this.requests.matchEnded(match.getRequestId(), actor, reason);
				}
			}
			default -> {
			}
		}
	}

	private void moveCapacity(Match match, CapacityMove move, String actor) {
		try {
			switch (move) {
				case HOLD -> this.offers.hold(match.getOfferId(), actor);
				case USE_HELD -> this.offers.useHeld(match.getOfferId());
				case RELEASE_HELD -> this.offers.releaseHeld(match.getOfferId(), actor);
				case RELEASE_USED -> this.offers.releaseUsed(match.getOfferId(), actor);
				case NONE -> {
				}
			}
		}
		catch (IllegalTransition ex) {
			// a published offer with nothing left, or one exhausted a moment ago; a paused, withdrawn or
			// expired offer is refused as what it is now
			boolean taken = "PUBLISHED".equals(ex.currentState()) || "EXHAUSTED".equals(ex.currentState());
			if (move == CapacityMove.HOLD && taken) {
				throw new NoCapacityLeft();
			}
			throw ex;
		}
	}

	/**
	 * A withdrawn request ends its match in progress, and gives back the engagement it held or used.
	 * Runs after the withdrawal committed, from the event publication registry.
	 */
	@ApplicationModuleListener
	void on(RequestWithdrawn event) {
		this.matches.findFirstByRequestIdAndStatusIn(event.requestId(), Suggestions.IN_PROGRESS).ifPresent(match -> {
			CapacityMove move = match.cancel(DecisionMade.SYSTEM, "REQUEST_WITHDRAWN", this.clock);
			this.matches.saveAndFlush(match);
			moveCapacity(match, move, DecisionMade.SYSTEM);
		});
	}

	/** The offer's last engagement went to another match a moment earlier. */
	static class NoCapacityLeft extends RuntimeException {

		NoCapacityLeft() {
			super("The offer has no engagement left");
		}
	}
}
