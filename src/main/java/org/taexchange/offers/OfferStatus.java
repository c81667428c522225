package org.taexchange.offers;

import java.util.EnumSet;
import java.util.Set;

/** Where an offer stands (DESIGN §2). */
public enum OfferStatus {

	DRAFT, SUBMITTED, CHANGES_ASKED, PUBLISHED, PAUSED, EXHAUSTED, EXPIRED, WITHDRAWN, DECLINED;

	private static final Set<OfferStatus> EDITABLE = EnumSet.of(DRAFT, SUBMITTED, CHANGES_ASKED, PUBLISHED, PAUSED,
			EXHAUSTED);

	private static final Set<OfferStatus> LIVE = EnumSet.of(PUBLISHED, PAUSED, EXHAUSTED);

	/** Its provider may still change what it says. */
	public boolean isEditable() {
		return EDITABLE.contains(this);
	}

	/** Vetted and not ended: published, paused or with its capacity used. */
	public boolean isLive() {
		return LIVE.contains(this);
	}

	/** Nothing more happens to the offer. */
	public boolean isFinal() {
		return this == EXPIRED || this == WITHDRAWN || this == DECLINED;
	}
}
