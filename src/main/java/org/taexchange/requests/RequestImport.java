package org.taexchange.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.audit.DecisionMade;

/**
 * Creates requests already open for matching from their profiles, for the synthetic market the demo
 * and the matching benchmark plan over. Each goes through the request's own steps (draft, each part
 * described, submitted, reviewed, opened) by the portal itself, so timelines and decision log are as
 * real as for a request typed in a browser.
 */
@Service
public class RequestImport {

	private final AssistanceRequests requests;

	private final ReferenceNumbers numbers;

	private final Clock clock;

	RequestImport(AssistanceRequests requests, ReferenceNumbers numbers, Clock clock) {
		this.requests = requests;
		this.numbers = numbers;
		this.clock = clock;
	}

	/**
	 * One request per profile (its id, reference and status are ignored), owned by this account; the
	 * references given, in order.
	 */
	@Transactional
	public List<String> openForMatching(List<RequestProfile> profiles, long ownerId) {
		String actor = DecisionMade.SYSTEM;
		int year = LocalDate.now(this.clock).getYear();
		return profiles.stream().map(profile -> {
			AssistanceRequest request = AssistanceRequest.draft(ownerId,
					new WhoIsAsking(profile.requestingParticipant(), profile.beneficiaries(), "Focal point",
							"National KP authority", "focal.point@example.org", null),
					this.clock);
			// saved first: the events of the steps below carry its id
			request = this.requests.save(request);
			request.describe(new TheNeed(profile.title(), "Generated for the synthetic market.",
					"Build the capacity the title names.", "People trained and procedures in use.", null, null, null,
					null), this.clock);
			request.describe(new ExpertiseWanted(profile.areas(), profile.primaryArea(), profile.modalities()),
					this.clock);
			request.describe(new Practicalities(profile.languages(), null, profile.earliestStart(),
					profile.latestEnd(), profile.urgency(), 20, "Officials of the national authority",
					profile.funding()), this.clock);
			request.attachmentsReviewed(this.clock);
			request.submit(this.numbers.next(year), actor, this.clock);
			request.startReview(actor, this.clock);
			request.openForMatching(actor, this.clock);
			return this.requests.save(request).getReference();
		}).toList();
	}
}
