package org.taexchange.matching;

/** Where a match came from (DESIGN §2). */
enum MatchOrigin {
	/** The coordinator took it from the ranked suggestions of the request. */
	SUGGESTION,
	/** The coordinator selected it in the global plan. */
	PLAN,
	/** The requester had chosen this offer in the catalogue. */
	REQUESTER_CHOICE,
	/** The coordinator picked the offer by hand, with a reason. */
	COORDINATOR
}
