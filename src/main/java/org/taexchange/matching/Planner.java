package org.taexchange.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * The global plan (DESIGN §3): over all open requests, the assignment that maximises the total score,
 * each request getting at most one offer and no offer more than its capacity left. Each request keeps its
 * best {@code candidates} offers; OR-Tools' min-cost flow then solves the assignment exactly on those
 * lists, and a greedy pass over the same lists (best pair first) is kept as the baseline to compare with.
 */
final class Planner {

	/** Arcs cost {@code CEILING - score}, and leaving a request unmatched costs {@code CEILING}. */
	private static final long CEILING = 100;

	private final Scoring scoring;

	private final int candidates;

	Planner(Scoring scoring, int candidates) {
		this.scoring = scoring;
		this.candidates = candidates;
	}

	/** A request given an offer, by their positions in the lists planned over. */
	record Assignment(int demand, int supply, int score) {
	}

	/**
	 * The optimal assignment and the greedy one, with their totals, the number of candidate pairs, and
	 * how long scoring, the solver and the greedy pass took (nanoseconds).
	 */
	record Plan(List<Assignment> optimal, List<Assignment> greedy, long pairs, long scoringNanos, long solverNanos,
			long greedyNanos) {

		long optimalTotal() {
			return this.optimal.stream().mapToLong(Assignment::score).sum();
		}

		long greedyTotal() {
			return this.greedy.stream().mapToLong(Assignment::score).sum();
		}
	}

	/**
	 * Plans over these requests and offers.
	 *
	 * @param records each provider's record, by organisation id
	 */
	Plan plan(List<Demand> demands, List<Supply> supplies, LongFunction<ProviderRecord> records) {
		ProviderRecord[] record = supplies.stream()
			.map(s -> records.apply(s.organisationId()))
			.toArray(ProviderRecord[]::new);
		long start = System.nanoTime();
		long[][] lists = new long[demands.size()][];
		IntStream.range(0, demands.size())
			.parallel()
			.forEach(d -> lists[d] = candidatesOf(demands.get(d), supplies, record));
		long pairs = Arrays.stream(lists).mapToLong(list -> list.length).sum();
		int[] capacity = supplies.stream().mapToInt(s -> s.capacityLeft).toArray();
		long scored = System.nanoTime();
		List<Assignment> optimal = optimal(lists, capacity);
		long solved = System.nanoTime();
		List<Assignment> greedy = greedy(lists, capacity);
		return new Plan(optimal, greedy, pairs, scored - start, solved - scored, System.nanoTime() - solved);
	}

	/** The request's best offers, best first, each as {@code score << 32 | (MAX - offer position)}. */
	private long[] candidatesOf(Demand demand, List<Supply> supplies, ProviderRecord[] record) {
		long[] found = new long[16];
		int count = 0;
		for (int s = 0; s < supplies.size(); s++) {
			int score = this.scoring.total(demand, supplies.get(s), record[s]);
			if (score < 0) {
				continue;
			}
			if (count == found.length) {
				found = Arrays.copyOf(found, count * 2);
			}
			found[count++] = key(score, s);
		}
		Arrays.sort(found, 0, count);
		int kept = Math.min(count, this.candidates);
		long[] best = new long[kept];
		for (int i = 0; i < kept; i++) {
			best[i] = found[count - 1 - i];
		}
		return best;
	}

	private static long key(int score, int supply) {
		return ((long) score << 32) | (Integer.MAX_VALUE - supply);
	}

	private static int scoreOf(long key) {
		return (int) (key >>> 32);
	}

	private static int supplyOf(long key) {
		return Integer.MAX_VALUE - (int) key;
	}

	private static List<Assignment> optimal(long[][] lists, int[] capacity) {
		NativeSolver.load();
		int requests = lists.length;
		int source = 0;
		int sink = requests + capacity.length + 1;
		MinCostFlow flow = new MinCostFlow();
		try {
			List<int[]> arcs = new ArrayList<>();
			for (int d = 0; d < requests; d++) {
				int node = 1 + d;
				flow.addArcWithCapacityAndUnitCost(source, node, 1, 0);
				flow.addArcWithCapacityAndUnitCost(node, sink, 1, CEILING);
				for (long key : lists[d]) {
					int arc = flow.addArcWithCapacityAndUnitCost(node, 1 + requests + supplyOf(key), 1,
							CEILING - scoreOf(key));
					arcs.add(new int[] { arc, d, supplyOf(key), scoreOf(key) });
				}
			}
			for (int s = 0; s < capacity.length; s++) {
				if (capacity[s] > 0) {
					flow.addArcWithCapacityAndUnitCost(1 + requests + s, sink, capacity[s], 0);
				}
			}
			flow.setNodeSupply(source, requests);
			flow.setNodeSupply(sink, -requests);
			MinCostFlowBase.Status status = flow.solve();
			if (status != MinCostFlowBase.Status.OPTIMAL) {
				throw new IllegalStateException("The plan's min-cost flow ended with " + status);
			}
			List<Assignment> chosen = new ArrayList<>();
			for (int[] arc : arcs) {
				if (flow.getFlow(arc[0]) > 0) {
					chosen.add(new Assignment(arc[1], arc[2], arc[3]));
				}
			}
			return chosen;
		}
		finally {
			flow.delete();
		}
	}

	/** Best pair first; ties go to the request listed first, then the offer listed first. */
	static List<Assignment> greedy(long[][] lists, int[] capacity) {
		int total = Arrays.stream(lists).mapToInt(list -> list.length).sum();
		long[] pairs = new long[total];
		int[] owner = new int[total];
		Integer[] order = new Integer[total];
		int i = 0;
		for (int d = 0; d < lists.length; d++) {
			for (long key : lists[d]) {
				pairs[i] = key;
				owner[i] = d;
				order[i] = i;
				i++;
			}
		}
		Arrays.sort(order, (a, b) -> {
			int byScore = Integer.compare(scoreOf(pairs[b]), scoreOf(pairs[a]));
			if (byScore != 0) {
				return byScore;
			}
			int byRequest = Integer.compare(owner[a], owner[b]);
			return byRequest != 0 ? byRequest : Integer.compare(supplyOf(pairs[a]), supplyOf(pairs[b]));
		});
		int[] left = capacity.clone();
		boolean[] served = new boolean[lists.length];
		List<Assignment> chosen = new ArrayList<>();
		for (Integer index : order) {
			int d = owner[index];
			int s = supplyOf(pairs[index]);
			if (!served[d] && left[s] > 0) {
				served[d] = true;
				left[s]--;
				chosen.add(new Assignment(d, s, scoreOf(pairs[index])));
			}
		}
		chosen.sort(java.util.Comparator.comparingInt(Assignment::demand));
		return chosen;
	}

	/** OR-Tools' native library, loaded once per process (it unpacks into the temporary directory). */
	static final class NativeSolver {

		private static volatile boolean loaded;

		private NativeSolver() {
		}

		static void load() {
			if (!loaded) {
				synchronized (NativeSolver.class) {
					if (!loaded) {
						Loader.loadNativeLibraries();
						loaded = true;
					}
				}
			}
		}
	}
}
