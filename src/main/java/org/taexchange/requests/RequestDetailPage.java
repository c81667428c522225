package org.taexchange.requests;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.taexchange.participants.Directory;

/**
 * The page of one submitted request, as officials and coordinators see it: the same content, files,
 * messages and timeline; the coordinators' version adds their decisions.
 */
@Component
class RequestDetailPage {

	private final RequestFollowUp followUp;

	private final TriageDeadline deadline;

	private final Directory directory;

	RequestDetailPage(RequestFollowUp followUp, TriageDeadline deadline, Directory directory) {
		this.followUp = followUp;
		this.deadline = deadline;
		this.directory = directory;
	}

	String show(AssistanceRequest request, boolean forCoordinators, Model model, Locale locale) {
		model.addAttribute("request", request);
		model.addAttribute("attachments", this.followUp.attachmentsOf(request));
		model.addAttribute("overdue", this.deadline.isOverdue(request));
		boolean waiting = TriageDeadline.waitsForCoordinator(request.getStatus());
		model.addAttribute("dueDate", waiting ? this.deadline.dueDate(request.getStatusChangedAt()) : null);
		model.addAttribute("daysWaiting", waiting ? this.deadline.daysWaiting(request) : null);
		model.addAttribute("admin", forCoordinators);
		RequestViews.describe(request, this.directory, locale, model);
		return "requests/detail";
	}
}
