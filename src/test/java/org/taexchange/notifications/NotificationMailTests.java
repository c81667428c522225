package org.taexchange.notifications;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.matching.MatchEvents.MatchAccepted;
import org.taexchange.matching.MatchExamples;
import org.taexchange.support.EventsSettled;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Notifications with a real SMTP server in the test JVM (GreenMail): each step tells the people
 * concerned, in their language, once; the bell counts what is unread.
 */
@IntegrationTest
class NotificationMailTests {

	static final String OFFICIAL_CI = "official.ci@example.org";

	@Autowired
	ApplicationContext context;

	@Autowired
	MailRoom mailRoom;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	MatchExamples examples;

	@BeforeEach
	void examples() {
		this.examples = new MatchExamples(this.context);
	}

	/** Lets the listeners run, then sends what is due, as the mail room's timer would. */
	private void deliver() {
		EventsSettled.await(this.context);
		this.mailRoom.sendDue();
	}

	private static List<String> subjectsTo(String address, String containing) {
		return TestMailServer.mailsTo(address).stream().map(TestMailServer::subject)
			.filter(s -> s.contains(containing))
			.toList();
	}


	@Test
	void eachStepOfAMatchTellsTheSidesConcernedOnce() {
		long id = this.examples.confirmed();
		String request = this.jdbc.queryForObject("select request_reference from request_match where id = ?",
				String.class, id);
		String offer = this.jdbc.queryForObject("select offer_reference from request_match where id = ?", String.class,
				id);
		deliver();
		assertThat(subjectsTo(MatchExamples.PROVIDER, request))
			.containsExactlyInAnyOrder("Request " + request + " matched with your offer " + offer,
					"Request " + request + " and offer " + offer + " confirmed");
		assertThat(subjectsTo(MatchExamples.OFFICIAL, request)).containsExactlyInAnyOrder(
				"Request " + request + " received", "Request " + request + " is open for matching",
				"An offer for request " + request + ": please confirm",
				"Request " + request + " and offer " + offer + " confirmed");
		assertThat(subjectsTo(MatchExamples.COORDINATOR, request)).as("coordinators read it in their digest").isEmpty();

		Message approved = TestMailServer.mailsTo(MatchExamples.PROVIDER)
			.stream()
			.filter(m -> TestMailServer.subject(m).startsWith("Request " + request + " matched"))
			.findFirst()
			.orElseThrow();
		java.time.LocalDate approvedOn = this.jdbc
			.queryForObject("select approved_at from request_match where id = ?", java.sql.Timestamp.class, id)
			.toInstant()
			.atZone(java.time.ZoneOffset.UTC)
			.toLocalDate();
		assertThat(TestMailServer.body(approved))
			.contains("Please accept the engagement or decline it with a reason by "
					+ org.taexchange.platform.WorkingDays.after(approvedOn, 10) + ".")
			.contains("/matches/" + id);

		// the mail room's next round, and the same event delivered again, send nothing more
		this.mailRoom.sendDue();
		this.inbox.deliver("MatchApproved:" + id, new Notice(Notice.Kind.MATCH_APPROVED, request, "/matches/" + id,
				List.of(request, offer)), this.context.getBean(org.taexchange.accounts.Recipients.class)
					.providersOf(this.jdbc.queryForObject("select organisation_id from request_match where id = ?",
							Long.class, id)));
		this.mailRoom.sendDue();
		assertThat(subjectsTo(MatchExamples.PROVIDER, request)).hasSize(2);
	}

	@Test
	void officialsReadTheirMailInTheirLanguage() {
		String request = this.examples.requests().openForMatching(OFFICIAL_CI, MatchExamples.COORDINATOR);
		deliver();
		assertThat(subjectsTo(OFFICIAL_CI, request)).containsExactlyInAnyOrder("Demande " + request + " reçue",
				"La demande " + request + " est ouverte à l’appariement");
		Message opened = TestMailServer.mailsTo(OFFICIAL_CI)
			.stream()
			.filter(m -> TestMailServer.subject(m).startsWith("La demande " + request))
			.findFirst()
			.orElseThrow();
		assertThat(TestMailServer.body(opened)).contains("Les coordinateurs cherchent la meilleure offre")
			.contains("/requests/" + request);
	}

	@Test
	void eachMailHasATextAndAnHtmlPartAndWhatAPersonTypedIsNeverMarkup() {
		String reason = "Out of scope <script>alert('x')</script> & <b>not bold</b>";
		String request = this.examples.requests().rejected(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR, reason);
		deliver();
		Message rejected = TestMailServer.mailsTo(MatchExamples.OFFICIAL)
			.stream()
			.filter(m -> TestMailServer.subject(m).startsWith("Request " + request) && TestMailServer.subject(m).contains("turned down"))
			.findFirst()
			.orElseThrow();
		assertThat(TestMailServer.body(rejected)).contains(reason).contains("/requests/" + request);
		String html = TestMailServer.html(rejected);
		assertThat(html).doesNotContain("<script>").doesNotContain("<b>");
		Document page = Jsoup.parse(html);
		assertThat(page.select("html").attr("lang")).isEqualTo("en");
		assertThat(page.select("script, b")).isEmpty();
		assertThat(page.body().text()).contains(reason);
		assertThat(page.select("a").attr("href")).endsWith("/requests/" + request);
	}

	@Test
	void mailsHeldUpByTheSmtpServerArriveOnceWhenItIsBack() throws Exception {
		JavaMailSenderImpl smtp = (JavaMailSenderImpl) this.context.getBean(JavaMailSender.class);
		int port = smtp.getPort();
		String request;
		try (ServerSocket closed = new ServerSocket(0)) {
			// a port nobody answers on once this socket is closed
			smtp.setPort(closed.getLocalPort());
		}
		try {
			request = this.examples.requests().openForMatching(OFFICIAL_CI, MatchExamples.COORDINATOR);
			deliver();
			assertThat(subjectsTo(OFFICIAL_CI, request)).isEmpty();
			Map<String, Object> held = this.jdbc.queryForMap(
					"select n.mail_attempts, n.mail_next_attempt_at > now() as later from notification n"
							+ " join account a on a.id = n.recipient_id where a.email = ? and n.subject_reference = ?"
							+ " and n.kind = 'REQUEST_OPENED_FOR_MATCHING'",
					OFFICIAL_CI, request);
			assertThat(held).containsEntry("mail_attempts", 1).containsEntry("later", true);
			// before its pause is over, the mail room does not try again
			this.mailRoom.sendDue();
			assertThat(this.jdbc.queryForObject(
					"select max(mail_attempts) from notification where subject_reference = ?", Integer.class, request))
				.isEqualTo(1);
		}
		finally {
			smtp.setPort(port);
		}
		// the pause is over
		this.jdbc.update("update notification set mail_next_attempt_at = now() where subject_reference = ?", request);
		this.mailRoom.sendDue();
		this.mailRoom.sendDue();
		assertThat(subjectsTo(OFFICIAL_CI, request)).containsExactlyInAnyOrder("Demande " + request + " reçue",
				"La demande " + request + " est ouverte à l’appariement");
	}

	@Test
	void anEventHandedOverAgainAfterARestartTellsNobodyTwice() {
		long id = this.examples.accepted();
		String request = this.jdbc.queryForObject("select request_reference from request_match where id = ?",
				String.class, id);
		deliver();
		assertThat(subjectsTo(MatchExamples.OFFICIAL, request)).filteredOn(s -> s.startsWith("An offer for request"))
			.hasSize(1);
		// the portal stopped after the listener made the notification and before the publication was marked
		// completed: at the next start the registry hands the event over again
		String ofThisMatch = " where event_type like '%MatchAccepted' and (serialized_event::jsonb ->> 'matchId')::bigint = ?";
		assertThat(this.jdbc.update("update event_publication set completion_date = null, status = 'PUBLISHED'"
				+ ofThisMatch, id)).isEqualTo(1);
		this.context.getBean(IncompleteEventPublications.class)
			.resubmitIncompletePublications(p -> p.getEvent() instanceof MatchAccepted accepted && accepted.matchId() == id);
		deliver();
		assertThat(subjectsTo(MatchExamples.OFFICIAL, request)).filteredOn(s -> s.startsWith("An offer for request"))
			.hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication" + ofThisMatch
				+ " and completion_date is null", Long.class, id)).as("handed over and completed").isZero();
	}

	@Test
	void theSameEventDeliveredAtTheSameMomentMakesOneNotification() throws Exception {
		String offer = this.examples.offer();
		var providers = this.context.getBean(org.taexchange.accounts.Recipients.class)
			.providersOf(this.jdbc.queryForObject("select organisation_id from offer where reference = ?", Long.class,
					offer));
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 10; round++) {
				String event = "Race:" + offer + ":" + round;
				CyclicBarrier together = new CyclicBarrier(4);
				List<Future<?>> deliveries = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					deliveries.add(threads.submit(() -> {
						together.await();
						this.inbox.deliver(event, new Notice(Notice.Kind.OFFER_PUBLISHED, offer, "/offers/" + offer,
								List.of(offer)), providers);
						return null;
					}));
				}
				for (Future<?> delivery : deliveries) {
					delivery.get(30, TimeUnit.SECONDS); // none fails
				}
				assertThat(this.jdbc.queryForObject("select count(*) from notification where dedupe_key like ?",
						Long.class, event + ":%")).isEqualTo(providers.size());
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void providersHearWhenTheirOfferIsFullyTakenAndOfficialsWhenARequestIsWithdrawn() throws Exception {
		String offer = this.examples.offer();
		for (int i = 0; i < 3; i++) {
			long id = this.examples.proposed(
					this.examples.requests().openForMatching(MatchExamples.OFFICIAL, MatchExamples.COORDINATOR), offer);
			this.examples.approve(id);
		}
		String request = this.examples.requests().submitted(MatchExamples.OFFICIAL);
		long version = this.examples.requests().versionOf(this.examples.requests().idOf(request));
		this.mvc.perform(post("/requests/" + request + "/withdraw").with(signedIn(this.examples.person(MatchExamples.OFFICIAL)))
			.with(csrf())
			.param("version", String.valueOf(version)));
		deliver();
		assertThat(subjectsTo(MatchExamples.PROVIDER, offer)).contains("Offer " + offer + ": every engagement is taken");
		assertThat(subjectsTo(MatchExamples.OFFICIAL, request)).contains("Request " + request + " withdrawn");
	}

	@Test
	void anApprovedAccountIsTold() throws Exception {
		String email = this.examples.offers().anotherApprovedProvider("GIZ");
		EventsSettled.await(this.context);
		this.mailRoom.sendDue();
		assertThat(subjectsTo(email, "approved")).containsExactly("Your TA Exchange account is approved");
	}

	@Test
	void theBellCountsWhatIsUnreadAndTheListMarksItRead() throws Exception {
		String request = this.examples.requests().openForMatching(OFFICIAL_CI, MatchExamples.COORDINATOR);
		EventsSettled.await(this.context);
		var official = this.examples.person(OFFICIAL_CI);
		long unread = this.jdbc.queryForObject(
				"select count(*) from notification n join account a on a.id = n.recipient_id where a.email = ? and n.read_at is null",
				Long.class, OFFICIAL_CI);
		assertThat(unread).isGreaterThanOrEqualTo(2);
		Document home = Jsoup.parse(this.mvc.perform(get("/offers").with(signedIn(official)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(home.select("a[href='/notifications']").text()).isEqualTo("Notifications (" + unread + " nouvelles)");

		Document list = Jsoup.parse(this.mvc.perform(get("/notifications").with(signedIn(official)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(list.select("li.unread").text()).contains("La demande " + request + " a été examinée");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification n join account a on a.id = n.recipient_id where a.email = ? and n.read_at is null",
				Long.class, OFFICIAL_CI))
			.as("opening the list changes nothing")
			.isEqualTo(unread);

		this.mvc.perform(post("/notifications/read").with(csrf()).with(signedIn(official)))
			.andExpect(redirectedUrl("/notifications"));
		Document read = Jsoup.parse(this.mvc.perform(get("/notifications").with(signedIn(official)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(read.select("a[href='/notifications']").text()).isEqualTo("Notifications");
		assertThat(read.select("li.unread")).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification n join account a on a.id = n.recipient_id where a.email = ? and n.read_at is null",
				Long.class, OFFICIAL_CI))
			.isZero();
	}
}
