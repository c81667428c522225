package org.taexchange.matching;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.taexchange.TaExchangeApplication;
import org.taexchange.accounts.AccountUser;
import org.taexchange.offers.OfferImport;
import org.taexchange.offers.OfferProfile;
import org.taexchange.participants.Directory;
import org.taexchange.participants.OrganisationSummary;
import org.taexchange.requests.RequestImport;
import org.taexchange.requests.RequestProfile;
import org.taexchange.support.TestDatabaseConfiguration;

/**
 * Measures matching; not a test. Starts the portal on a throw-away embedded PostgreSQL, fills it with
 * a seeded synthetic market through the modules' own import services, then times, after warming up:
 * the suggestions for one request among all published offers; the global plan end to end (an HTTP GET
 * of {@code /admin/plan} by a signed-in coordinator: load, score, solve, render); and, in memory, the
 * plan over a larger market, with the greedy pass of the same run. Run it with
 * {@code ./mvnw -B -q -Pbench test-compile exec:java} (README: Benchmarks); arguments: requests offers
 * memoryRequests memoryOffers, by default 5000 2000 10000 10000.
 */
public final class MatchingBenchmark {

	private static final int RUNS = 7;

	private MatchingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int offers = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
		int memoryRequests = args.length > 2 ? Integer.parseInt(args[2]) : 10000;
		int memoryOffers = args.length > 3 ? Integer.parseInt(args[3]) : 10000;
		ConfigurableApplicationContext context = SpringApplication.from(TaExchangeApplication::main)
			.with(TestDatabaseConfiguration.class)
			.run("--server.port=0", "--app.embedded-db.enabled=false", "--app.demo-data=true",
					"--app.demo.market.requests=0", "--logging.level.root=WARN",
					"--spring.main.banner-mode=off")
			.getApplicationContext();
		try {
			run(context, requests, offers, memoryRequests, memoryOffers);
		}
		finally {
			context.close();
		}
	}

	private static void run(ConfigurableApplicationContext context, int requestCount, int offerCount,
			int memoryRequests, int memoryOffers) throws Exception {
		System.out.printf("Machine: %d processors, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), System.getProperty("os.arch"));
		Directory directory = context.getBean(Directory.class);
		UserDetailsService people = context.getBean(UserDetailsService.class);
		long coordinator = ((AccountUser) people.loadUserByUsername("coordinator@example.org")).id();
		long provider = ((AccountUser) people.loadUserByUsername("provider@example.org")).id();
		List<Long> organisations = directory.activeOrganisations().stream().map(OrganisationSummary::id).toList();

		MarketGenerator market = MatchingSeeding.generator(directory, 42, LocalDate.now());
		long start = System.nanoTime();
		List<RequestProfile> requestProfiles = market.requests(requestCount);
		List<OfferProfile> offerProfiles = market.offers(offerCount, organisations);
		RequestImport requestImport = context.getBean(RequestImport.class);
		OfferImport offerImport = context.getBean(OfferImport.class);
		List<String> references = new ArrayList<>();
		for (int from = 0; from < requestProfiles.size(); from += 500) {
			references.addAll(requestImport
				.openForMatching(requestProfiles.subList(from, Math.min(from + 500, requestProfiles.size())), coordinator));
		}
		for (int from = 0; from < offerProfiles.size(); from += 500) {
			offerImport.published(offerProfiles.subList(from, Math.min(from + 500, offerProfiles.size())), provider);
		}
		System.out.printf("Market in the database: %,d requests open for matching, %,d published offers (set up in %.1f s)%n",
				requestCount, offerCount, (System.nanoTime() - start) / 1e9);

		Suggestions suggestions = context.getBean(Suggestions.class);
		int[] which = { 0 };
		report("Suggestions for one request among " + offerCount + " offers",
				time(() -> suggestions.page(references.get(which[0]++ % references.size()), Locale.ENGLISH)));

		Planning planning = context.getBean(Planning.class);
		Planning.Page[] plan = new Planning.Page[1];
		report("Plan, load + score + solve (Planning.page)", time(() -> plan[0] = planning.page(Locale.ENGLISH)));
		System.out.printf("  plan: %,d candidate pairs; optimal total %,d with %,d matched; greedy total %,d with %,d matched%n",
				plan[0].pairs(), plan[0].optimalTotal(), plan[0].optimalMatched(), plan[0].greedyTotal(),
				plan[0].greedyMatched());

		String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
		HttpClient browser = signedIn(base, "coordinator@example.org", "kimberley-demo-2026");
		HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/admin/plan")).GET().build();
		int[] bytes = new int[1];
		report("Plan end to end, HTTP GET /admin/plan (load, score, solve, render)", time(() -> {
			HttpResponse<String> response = send(browser, get);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET /admin/plan answered " + response.statusCode());
			}
			bytes[0] = response.body().length();
			return response;
		}));
		System.out.printf("  page size: %,d characters%n", bytes[0]);

		inMemory(directory, market, memoryRequests, memoryOffers, organisations);
	}

	/** The plan over a market that only lives in memory: scoring, solver and greedy timed apart. */
	private static void inMemory(Directory directory, MarketGenerator market, int requestCount, int offerCount,
			List<Long> organisations) {
		MarketGenerator generator = MatchingSeeding.generator(directory, 7, LocalDate.now());
		List<RequestProfile> requestProfiles = generator.requests(requestCount);
		List<OfferProfile> offerProfiles = generator.offers(offerCount, organisations);
		Vocabulary words = new Vocabulary(directory.participantRegions());
		List<Demand> demands = requestProfiles.stream().map(r -> new Demand(r, words)).toList();
		List<Supply> supplies = offerProfiles.stream().map(o -> new Supply(o, null, words)).toList();
		Planner planner = new Planner(new Scoring(MatchingSettings.Weights.DEFAULT), 50);
		LongFunction<ProviderRecord> records = organisation -> ProviderRecord.NONE;
		Planner.Plan[] last = new Planner.Plan[1];
		long[] scoring = new long[RUNS];
		long[] solver = new long[RUNS];
		long[] greedy = new long[RUNS];
		long[] total = time(() -> last[0] = planner.plan(demands, supplies, records));
		// the same runs again, to read the parts of each
		for (int i = 0; i < RUNS; i++) {
			Planner.Plan plan = planner.plan(demands, supplies, records);
			scoring[i] = plan.scoringNanos();
			solver[i] = plan.solverNanos();
			greedy[i] = plan.greedyNanos();
		}
		String size = String.format("%,d × %,d in memory", requestCount, offerCount);
		report("Plan " + size + ", scoring + top-50 + solver + greedy", total);
		report("  of which scoring and top-50 candidates", scoring);
		report("  of which min-cost flow (OR-Tools)", solver);
		report("  of which greedy baseline", greedy);
		System.out.printf("  plan: %,d candidate pairs; optimal total %,d with %,d matched; greedy total %,d with %,d matched%n",
				last[0].pairs(), last[0].optimalTotal(), last[0].optimal().size(), last[0].greedyTotal(),
				last[0].greedy().size());
	}

	/** Two warm-up runs, then {@link #RUNS} timed ones (nanoseconds each). */
	private static long[] time(Supplier<?> work) {
		for (int i = 0; i < 2; i++) {
			work.get();
		}
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			work.get();
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

	private static void report(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%-75s median %8.1f ms   min %8.1f ms   max %8.1f ms   (%d runs)%n", what,
				sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
	}

	private static HttpClient signedIn(String base, String email, String password) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the sign-in page");
		}
		String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
		client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		return client;
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
