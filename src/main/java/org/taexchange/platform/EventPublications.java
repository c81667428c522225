package org.taexchange.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events whose listener failed (the database was down, a deadlock) are handed over again while the
 * portal runs, not only at its next start: every few minutes ({@code app.events.resubmit-cron}), on
 * one instance (ShedLock), those incomplete for longer than {@code app.events.resubmit-older-than}.
 * Listeners are idempotent (e.g. a notification is made once per event and recipient). Completed
 * publications are deleted once older than {@code app.events.keep-completed}, so that the table does
 * not grow without end.
 */
@Component
class EventPublications {

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final Duration resubmitOlderThan;

	private final Duration keepCompleted;

	EventPublications(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			@Value("${app.events.resubmit-older-than:5m}") Duration resubmitOlderThan,
			@Value("${app.events.keep-completed:30d}") Duration keepCompleted) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.resubmitOlderThan = resubmitOlderThan;
		this.keepCompleted = keepCompleted;
	}

	@Scheduled(cron = "${app.events.resubmit-cron:0 */5 * * * *}", zone = "UTC")
	@SchedulerLock(name = "event-publications")
	void resubmitAndCleanUp() {
		resubmitIncomplete();
		deleteCompleted();
	}

	void resubmitIncomplete() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.resubmitOlderThan);
	}

	void deleteCompleted() {
		this.completed.deletePublicationsOlderThan(this.keepCompleted);
	}
}
