package org.taexchange.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.matching.Planner.Assignment;
import org.taexchange.offers.OfferProfile;
import org.taexchange.participants.Directory;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.requests.RequestProfile;

/**
 * The global plan over every request open for matching, beside the greedy pass, and the proposal of
 * the rows a coordinator selected. The plan itself proposes nothing.
 */
@Service
class Planning {

	private final MatchingData data;

	private final Suggestions suggestions;

	private final Directory directory;

	private final MatchingSettings settings;

	private final Matches matches;

	private final TransactionTemplate transactions;

	Planning(MatchingData data, Suggestions suggestions, Directory directory, MatchingSettings settings,
			Matches matches, PlatformTransactionManager transactions) {
		this.matches = matches;
		this.data = data;
		this.suggestions = suggestions;
		this.directory = directory;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** How a row of the plan compares with the greedy pass. */
	enum Difference {
		SAME, OTHER_OFFER, ONLY_PLAN, ONLY_GREEDY
	}

	/** A request, the offer the plan gives it (or none), and what greedy would have given. */
	record Row(RequestProfile request, String participant, OfferProfile offer, String organisation, int score,
			OfferProfile greedyOffer, int greedyScore, Difference difference) {

		/** The value a selected row posts back: request and offer ids. */
		public String value() {
			return this.request.id() + ":" + this.offer.id();
		}
	}

	/** Rows of the plan on one page. */
	static final int ROWS_PER_PAGE = 100;

	/**
	 * The plan page: one page of rows, the totals of both passes, and the size of the run.
	 *
	 * @param number the page shown, from 0
	 * @param totalRows the rows of all pages
	 */
	record Page(List<Row> rows, int number, int totalRows, long optimalTotal, long greedyTotal, int optimalMatched,
			int greedyMatched, int requests, int offers, long pairs) {

		public int totalPages() {
			return Math.max(1, (this.totalRows + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
		}

		public int firstRow() {
			return this.number * ROWS_PER_PAGE + 1;
		}

		public int lastRow() {
			return this.number * ROWS_PER_PAGE + this.rows.size();
		}
	}

	@Transactional(readOnly = true)
	Page page(Locale locale) {
		return page(locale, 0);
	}

	/** The plan, and its rows of the given page (the plan is the same on every page: it is deterministic). */
	@Transactional(readOnly = true)
	Page page(Locale locale, int number) {
		MatchingData.Run run = this.data.run();
		Set<Long> busy = new java.util.HashSet<>(this.matches.requestIdsWith(Suggestions.IN_PROGRESS));
		List<RequestProfile> requests = this.data.openRequests().stream().filter(r -> !busy.contains(r.id())).toList();
		Map<Long, Long> proposed = new HashMap<>();
		this.matches.proposalsPerOffer().forEach(row -> proposed.put((Long) row[0], (Long) row[1]));
		// engagements already proposed elsewhere are not planned a second time
		List<OfferProfile> offers = this.data.openOffers()
			.stream()
			.map(o -> o.withCapacityLeft(o.capacityLeft() - proposed.getOrDefault(o.id(), 0L).intValue()))
			.filter(o -> o.capacityLeft() > 0)
			.toList();
		List<Demand> demands = requests.stream().map(run::demand).toList();
		List<Supply> supplies = offers.stream().map(run::supply).toList();
		Planner.Plan plan = new Planner(run.scoring(), this.settings.candidates()).plan(demands, supplies,
				run::record);
		Map<String, String> names = this.directory.participantNames(locale);
		Map<Integer, Assignment> greedy = new HashMap<>();
		plan.greedy().forEach(a -> greedy.put(a.demand(), a));
		List<Row> rows = new ArrayList<>();
		Set<Integer> planned = new java.util.HashSet<>();
		for (Assignment a : plan.optimal()) {
			planned.add(a.demand());
			Assignment g = greedy.get(a.demand());
			Difference difference = g == null ? Difference.ONLY_PLAN
					: g.supply() == a.supply() ? Difference.SAME : Difference.OTHER_OFFER;
			rows.add(row(requests.get(a.demand()), names, offers.get(a.supply()), run, a.score(),
					g == null ? null : offers.get(g.supply()), g == null ? 0 : g.score(), difference));
		}
		List<Row> greedyOnly = new ArrayList<>();
		for (Assignment g : plan.greedy()) {
			if (!planned.contains(g.demand())) {
				greedyOnly.add(row(requests.get(g.demand()), names, null, run, 0, offers.get(g.supply()), g.score(),
						Difference.ONLY_GREEDY));
			}
		}
		rows.addAll(greedyOnly);
		int pages = Math.max(1, (rows.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
		int shown = Math.min(Math.max(number, 0), pages - 1);
		List<Row> onPage = rows.subList(shown * ROWS_PER_PAGE, Math.min(rows.size(), (shown + 1) * ROWS_PER_PAGE));
		return new Page(List.copyOf(onPage), shown, rows.size(), plan.optimalTotal(), plan.greedyTotal(),
				plan.optimal().size(), plan.greedy().size(), requests.size(), offers.size(), plan.pairs());
	}

	private static Row row(RequestProfile request, Map<String, String> names, OfferProfile offer,
			MatchingData.Run run, int score, OfferProfile greedyOffer, int greedyScore, Difference difference) {
		return new Row(request, names.getOrDefault(request.requestingParticipant(), request.requestingParticipant()),
				offer, offer == null ? null : run.organisationName(offer.organisationId()), score, greedyOffer,
				greedyScore, difference);
	}

	/** What became of the rows a coordinator proposed. */
	record Outcome(int proposed, int refused) {
	}

	/**
	 * Proposes each selected row, each in its own transaction: a row whose request or offer moved on
	 * since the plan was drawn is refused and the others still go ahead.
	 */
	Outcome propose(List<String> selected, String coordinator) {
		int proposed = 0;
		int refused = 0;
		MatchingData.Run run = this.data.run();
		for (String value : selected) {
			long[] ids = parse(value);
			if (ids == null) {
				refused++;
				continue;
			}
			try {
				this.transactions.executeWithoutResult(status -> {
					RequestProfile request = this.data.request(ids[0]);
					OfferProfile offer = this.data.offer(ids[1]);
					this.suggestions.propose(request, offer, MatchOrigin.PLAN, null, coordinator, run);
				});
				proposed++;
			}
			catch (IllegalTransition | Suggestions.MatchInProgress | org.taexchange.platform.NotFound ex) {
				refused++;
			}
		}
		return new Outcome(proposed, refused);
	}

	private static long[] parse(String value) {
		String[] parts = value == null ? new String[0] : value.split(":");
		if (parts.length != 2) {
			return null;
		}
		try {
			return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
