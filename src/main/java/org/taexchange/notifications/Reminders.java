package org.taexchange.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.taexchange.accounts.Recipients;
import org.taexchange.accounts.Recipients.Recipient;
import org.taexchange.matching.WaitingMatches;
import org.taexchange.matching.WaitingMatches.Overdue;
import org.taexchange.notifications.Notice.Kind;
import org.taexchange.offers.OfferProfile;
import org.taexchange.offers.OfferSupply;
import org.taexchange.offers.WaitingOffers;
import org.taexchange.platform.AdminTile;
import org.taexchange.platform.AdminTiles;
import org.taexchange.requests.WaitingRequests;

/**
 * The scheduled notices, each run by one instance (ShedLock): a reminder, once, to whoever a request,
 * an offer or a match waits for past its deadline ({@code app.notifications.reminders-cron}, hourly),
 * and every morning the coordinators' digest of what waits for them
 * ({@code app.notifications.digest-cron}) instead of a mail per event.
 */
@Component
class Reminders {

	/** How long before the end of its window a provider is told that an offer expires. */
	static final int EXPIRY_WARNING_DAYS = 14;

	private final WaitingRequests requests;

	private final WaitingOffers vetting;

	private final WaitingMatches matches;

	private final OfferSupply offers;

	private final Recipients recipients;

	private final List<AdminTiles> tiles;

	private final Inbox inbox;

	private final MessageSource messages;

	private final Clock clock;

	Reminders(WaitingRequests requests, WaitingOffers vetting, WaitingMatches matches, OfferSupply offers,
			Recipients recipients, List<AdminTiles> tiles, Inbox inbox, MessageSource messages, Clock clock) {
		this.requests = requests;
		this.vetting = vetting;
		this.matches = matches;
		this.offers = offers;
		this.recipients = recipients;
		this.tiles = tiles;
		this.inbox = inbox;
		this.messages = messages;
		this.clock = clock;
	}

	@Scheduled(cron = "${app.notifications.reminders-cron:0 5 * * * *}", zone = "UTC")
	@SchedulerLock(name = "reminders")
	void remindScheduled() {
		remindOn(LocalDate.now(this.clock));
	}

	/**
	 * Reminds, once per stage, whoever each overdue item waits for on that day (the coordinators for a
	 * request's triage, an offer's vetting and a match's approval; the provider or the officials for
	 * their answer), and warns the providers of offers whose window ends within two weeks; returns how
	 * many items were overdue.
	 */
	int remindOn(LocalDate day) {
		List<Recipient> coordinators = this.recipients.coordinators();
		List<WaitingRequests.Overdue> requests = this.requests.overdueOn(day);
		for (WaitingRequests.Overdue request : requests) {
			this.inbox.deliver("TriageReminder:" + request.requestId() + ":" + request.since().toEpochMilli(),
					new Notice(Kind.REMINDER_TRIAGE, request.reference(), "/admin/requests/" + request.reference(),
							List.of(request.reference(), dayOf(request.since()), request.due().toString())),
					coordinators);
		}
		List<WaitingOffers.Overdue> offers = this.vetting.overdueOn(day);
		for (WaitingOffers.Overdue offer : offers) {
			this.inbox.deliver("VettingReminder:" + offer.offerId() + ":" + offer.since().toEpochMilli(),
					new Notice(Kind.REMINDER_VETTING, offer.reference(), "/admin/offers/" + offer.reference(),
							List.of(offer.reference(), dayOf(offer.since()), offer.due().toString())),
					coordinators);
		}
		for (OfferProfile offer : this.offers.endingBetween(day, day.plusDays(EXPIRY_WARNING_DAYS))) {
			this.inbox.deliver("OfferExpiring:" + offer.id() + ":" + offer.availableUntil(),
					new Notice(Kind.OFFER_EXPIRING, offer.reference(), "/offers/" + offer.reference(),
							List.of(offer.reference(), offer.availableUntil().toString())),
					this.recipients.providersOf(offer.organisationId()));
		}
		List<Overdue> overdue = this.matches.overdueOn(day);
		for (Overdue match : overdue) {
			List<Recipient> to = switch (match.waitingFor()) {
				case "PROVIDER" -> this.recipients.providersOf(match.organisationId());
				case "REQUESTER" -> this.recipients.officialsOf(match.requestingParticipant());
				default -> coordinators;
			};
			this.inbox.deliver("Reminder:" + match.matchId() + ":" + match.since().toEpochMilli(),
					new Notice(Kind.valueOf("REMINDER_" + match.waitingFor()), match.requestReference(),
							"/matches/" + match.matchId(),
							List.of(match.requestReference(), match.offerReference(), match.due().toString())),
					to);
		}
		return requests.size() + offers.size() + overdue.size();
	}

	private static String dayOf(Instant moment) {
		return LocalDate.ofInstant(moment, ZoneOffset.UTC).toString();
	}

	@Scheduled(cron = "${app.notifications.digest-cron:0 0 6 * * MON-FRI}", zone = "UTC")
	@SchedulerLock(name = "digest")
	void digestScheduled() {
		digestOn(LocalDate.now(this.clock));
	}

	/**
	 * One mail a coordinator a day: each kind of item waiting, with its count, then how many of them are
	 * overdue; none when nothing waits.
	 */
	void digestOn(LocalDate day) {
		List<AdminTile> waiting = this.tiles.stream().map(AdminTiles::tile).filter(t -> t.count() > 0).toList();
		if (waiting.isEmpty()) {
			return;
		}
		Object[] overdue = { this.requests.overdueOn(day).size(), this.vetting.overdueOn(day).size(),
				this.matches.overdueOn(day).size() };
		for (Recipient coordinator : this.recipients.coordinators()) {
			Locale locale = coordinator.locale();
			List<String> lines = new ArrayList<>();
			for (AdminTile tile : waiting) {
				lines.add(this.messages.getMessage("digest.line",
						new Object[] { tile.count(), this.messages.getMessage(tile.messageKey(), null, locale) }, locale));
			}
			lines.add(this.messages.getMessage("digest.overdue", overdue, locale));
			this.inbox.deliver("Digest:" + day, new Notice(Kind.DIGEST, day.toString(), "/admin",
					List.of(day.toString(), String.join("\n", lines))), List.of(coordinator));
		}
	}
}
