package org.taexchange.requests;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.platform.ReferenceCounter;

/** Hands out request references without gaps: {@code TA-2026-0042}. */
@Component
class ReferenceNumbers {

	private final ReferenceCounter counter;

	ReferenceNumbers(ReferenceCounter counter) {
		this.counter = counter;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	ReferenceNumber next(int year) {
		return ReferenceNumber.of(year, this.counter.next("TA", year));
	}
}
