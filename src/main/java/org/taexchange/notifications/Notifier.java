package org.taexchange.notifications;

import java.util.ArrayList;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.taexchange.accounts.AccountApproved;
import org.taexchange.accounts.Recipients;
import org.taexchange.accounts.Recipients.Recipient;
import org.taexchange.matching.MatchEvents.MatchAccepted;
import org.taexchange.matching.MatchEvents.MatchApproved;
import org.taexchange.matching.MatchEvents.MatchCancelled;
import org.taexchange.matching.MatchEvents.MatchConfirmed;
import org.taexchange.matching.MatchEvents.MatchDeclined;
import org.taexchange.matching.WaitingMatches;
import org.taexchange.notifications.Notice.Kind;
import org.taexchange.offers.OfferEvents.OfferChangesAsked;
import org.taexchange.offers.OfferEvents.OfferDeclined;
import org.taexchange.offers.OfferEvents.OfferExhausted;
import org.taexchange.offers.OfferEvents.OfferPublished;
import org.taexchange.offers.OfferProfile;
import org.taexchange.offers.OfferSupply;
import org.taexchange.requests.RequestEvents.RequestInformationAsked;
import org.taexchange.requests.RequestEvents.RequestOpenedForMatching;
import org.taexchange.requests.RequestEvents.RequestRejected;
import org.taexchange.requests.RequestEvents.RequestSubmitted;
import org.taexchange.requests.RequestEvents.RequestWithdrawn;
import org.taexchange.requests.RequestProfile;
import org.taexchange.requests.RequestsForMatching;
import org.taexchange.requests.WaitingRequests;

/**
 * Who hears of what (README: Notifications). Each listener runs after the change committed, from
 * Spring Modulith's event publication registry: an event whose notifications were not made when the
 * portal stopped is handed over again at the next start, and the dedupe key makes that harmless.
 */
@Component
class Notifier {

	private final Inbox inbox;

	private final Recipients recipients;

	private final RequestsForMatching requests;

	private final OfferSupply offers;

	private final WaitingRequests waitingRequests;

	private final WaitingMatches waitingMatches;

	Notifier(Inbox inbox, Recipients recipients, RequestsForMatching requests, OfferSupply offers,
			WaitingRequests waitingRequests, WaitingMatches waitingMatches) {
		this.waitingRequests = waitingRequests;
		this.waitingMatches = waitingMatches;
		this.inbox = inbox;
		this.recipients = recipients;
		this.requests = requests;
		this.offers = offers;
	}

	// --- accounts ---------------------------------------------------------------------------------

	@ApplicationModuleListener
	void on(AccountApproved event) {
		this.recipients.byEmail(event.email())
			.ifPresent(person -> this.inbox.deliver("AccountApproved:" + person.accountId(),
					new Notice(Kind.ACCOUNT_APPROVED, person.email(), "/login", List.of(person.email())), List.of(person)));
	}

	// --- requests: the requesting participant's officials ----------------------------------------

	@ApplicationModuleListener
	void on(RequestSubmitted event) {
		toOfficials("RequestSubmitted:" + event.requestId(), Kind.REQUEST_SUBMITTED, event.requestId(),
				event.reference(), this.waitingRequests.triageDue(event.at()).toString());
	}

	@ApplicationModuleListener
	void on(RequestInformationAsked event) {
		// asked more than once: each question is its own notification
		toOfficials("RequestInformationAsked:" + event.requestId() + ":" + event.askedAt().toEpochMilli(),
				Kind.REQUEST_INFORMATION_ASKED, event.requestId(), event.reference());
	}

	@ApplicationModuleListener
	void on(RequestOpenedForMatching event) {
		toOfficials("RequestOpenedForMatching:" + event.requestId(), Kind.REQUEST_OPENED_FOR_MATCHING,
				event.requestId(), event.reference());
	}

	@ApplicationModuleListener
	void on(RequestRejected event) {
		toOfficials("RequestRejected:" + event.requestId(), Kind.REQUEST_REJECTED, event.requestId(),
				event.reference(), event.reason());
	}

	@ApplicationModuleListener
	void on(RequestWithdrawn event) {
		toOfficials("RequestWithdrawn:" + event.requestId(), Kind.REQUEST_WITHDRAWN, event.requestId(),
				event.reference());
	}

	private void toOfficials(String key, Kind kind, long requestId, String... arguments) {
		this.requests.profile(requestId)
			.map(RequestProfile::requestingParticipant)
			.ifPresent(participant -> this.inbox.deliver(key,
					new Notice(kind, arguments[0], "/requests/" + arguments[0], List.of(arguments)),
					this.recipients.officialsOf(participant)));
	}

	// --- offers: the organisation's providers -----------------------------------------------------

	@ApplicationModuleListener
	void on(OfferPublished event) {
		toProviders("OfferPublished:" + event.offerId(), Kind.OFFER_PUBLISHED, event.offerId(), event.reference());
	}

	@ApplicationModuleListener
	void on(OfferChangesAsked event) {
		toProviders("OfferChangesAsked:" + event.offerId() + ":" + event.askedAt().toEpochMilli(),
				Kind.OFFER_CHANGES_ASKED, event.offerId(), event.reference());
	}

	@ApplicationModuleListener
	void on(OfferDeclined event) {
		toProviders("OfferDeclined:" + event.offerId(), Kind.OFFER_DECLINED, event.offerId(), event.reference(),
				event.reason());
	}

	@ApplicationModuleListener
	void on(OfferExhausted event) {
		toProviders("OfferExhausted:" + event.offerId() + ":" + event.at().toEpochMilli(), Kind.OFFER_EXHAUSTED,
				event.offerId(), event.reference());
	}

	private void toProviders(String key, Kind kind, long offerId, String... arguments) {
		this.offers.profile(offerId)
			.map(OfferProfile::organisationId)
			.ifPresent(organisation -> this.inbox.deliver(key,
					new Notice(kind, arguments[0], "/offers/" + arguments[0], List.of(arguments)),
					this.recipients.providersOf(organisation)));
	}

	// --- matches: the sides that know of it -------------------------------------------------------

	@ApplicationModuleListener
	void on(MatchApproved event) {
		match("MatchApproved:" + event.matchId(), Kind.MATCH_APPROVED, event.matchId(),
				List.of(event.requestReference(), event.offerReference(),
						this.waitingMatches.answerDue(event.at()).toString()),
				this.recipients.providersOf(event.organisationId()));
	}

	@ApplicationModuleListener
	void on(MatchAccepted event) {
		match("MatchAccepted:" + event.matchId(), Kind.MATCH_ACCEPTED, event.matchId(),
				List.of(event.requestReference(), event.offerReference(),
						this.waitingMatches.confirmationDue(event.at()).toString()),
				this.recipients.officialsOf(event.requestingParticipant()));
	}

	@ApplicationModuleListener
	void on(MatchConfirmed event) {
		List<Recipient> everyone = new ArrayList<>(this.recipients.officialsOf(event.requestingParticipant()));
		everyone.addAll(this.recipients.providersOf(event.organisationId()));
		match("MatchConfirmed:" + event.matchId(), Kind.MATCH_CONFIRMED, event.matchId(), event.requestReference(),
				event.offerReference(), everyone);
	}

	/**
	 * The officials declined: the providers hear. A provider's decline comes before the officials saw the
	 * match; the coordinators read both on the board and in their digest, not in a mail per event.
	 */
	@ApplicationModuleListener
	void on(MatchDeclined event) {
		List<Recipient> told = event.byProvider() ? List.of() : this.recipients.providersOf(event.organisationId());
		match("MatchDeclined:" + event.matchId(), Kind.MATCH_DECLINED, event.matchId(), event.requestReference(),
				event.offerReference(), told);
	}

	@ApplicationModuleListener
	void on(MatchCancelled event) {
		List<Recipient> told = new ArrayList<>();
		if (event.providerKnew()) {
			told.addAll(this.recipients.providersOf(event.organisationId()));
		}
		if (event.requesterKnew()) {
			told.addAll(this.recipients.officialsOf(event.requestingParticipant()));
		}
		match("MatchCancelled:" + event.matchId(), Kind.MATCH_CANCELLED, event.matchId(), event.requestReference(),
				event.offerReference(), told);
	}

	private void match(String key, Kind kind, long matchId, String request, String offer, List<Recipient> to) {
		match(key, kind, matchId, List.of(request, offer), to);
	}

	/** @param arguments the request's reference first, then the offer's, then any more the sentences need */
	private void match(String key, Kind kind, long matchId, List<String> arguments, List<Recipient> to) {
		this.inbox.deliver(key, new Notice(kind, arguments.get(0), "/matches/" + matchId, arguments), to);
	}
}
