package org.taexchange.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes each {@link DecisionMade} into the log synchronously, inside the transaction that made the
 * change: if the change rolls back, so does its record.
 */
@Component
class DecisionRecorder {

	private final DecisionLog log;

	DecisionRecorder(DecisionLog log) {
		this.log = log;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DecisionMade decision) {
		this.log.save(new DecisionLogEntry(decision));
	}
}
