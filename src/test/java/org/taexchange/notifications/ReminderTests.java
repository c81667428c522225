package org.taexchange.notifications;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.matching.MatchExamples;
import org.taexchange.platform.WorkingDays;
import org.taexchange.support.EventsSettled;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * Deadlines in working days: a request in triage, an offer in vetting and a match become overdue the
 * day after their last working day, whoever they wait for is reminded once, the pages say how long they
 * have waited, and the coordinators get one digest a day.
 */
@IntegrationTest
class ReminderTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Reminders reminders;

	@Autowired
	MailRoom mailRoom;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	MatchExamples examples;

	@BeforeEach
	void examples() {
		this.examples = new MatchExamples(this.context);
	}

	/** Notifications of that kind about that reference to the demo provider (other tests add providers of its organisation). */
	private long reminders(String reference, String kind) {
		return remindersTo(MatchExamples.PROVIDER, reference, kind);
	}

	private long remindersTo(String email, String reference, String kind) {
		return this.jdbc.queryForObject(
				"select count(*) from notification n join account a on a.id = n.recipient_id"
						+ " where n.subject_reference = ? and n.kind = ? and a.email = ?",
				Long.class, reference, kind, email);
	}

	private LocalDate statusChangedOn(String table, String reference) {
		return this.jdbc.queryForObject("select status_changed_at from " + table + " where reference = ?",
				java.sql.Timestamp.class, reference).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
	}

	@Test
	void theCoordinatorsAreRemindedOnceOfARequestNotTriagedInTenWorkingDays() {
		String request = this.examples.requests().submitted(MatchExamples.OFFICIAL);
		LocalDate lastDay = WorkingDays.after(statusChangedOn("assistance_request", request), 10);

		this.reminders.remindOn(lastDay);
		assertThat(remindersTo(MatchExamples.COORDINATOR, request, "REMINDER_TRIAGE")).as("on the last working day")
			.isZero();
		this.reminders.remindOn(lastDay.plusDays(1));
		assertThat(remindersTo(MatchExamples.COORDINATOR, request, "REMINDER_TRIAGE")).as("the day after").isEqualTo(1);
		this.reminders.remindOn(lastDay.plusDays(3));
		assertThat(remindersTo(MatchExamples.COORDINATOR, request, "REMINDER_TRIAGE")).as("once").isEqualTo(1);
		assertThat(remindersTo(MatchExamples.OFFICIAL, request, "REMINDER_TRIAGE")).as("not the official").isZero();

		this.mailRoom.sendDue();
		assertThat(TestMailServer.mailsTo(MatchExamples.COORDINATOR)
			.stream()
			.map(TestMailServer::subject)
			.filter(s -> s.contains(request))).containsExactly("Reminder: request " + request + " waits for review since "
					+ statusChangedOn("assistance_request", request));
	}

	@Test
	void theCoordinatorsAreRemindedOnceOfAnOfferNotVettedInFiveWorkingDays() {
		String offer = this.examples.offers().submitted(MatchExamples.PROVIDER);
		LocalDate lastDay = WorkingDays.after(statusChangedOn("offer", offer), 5);

		this.reminders.remindOn(lastDay);
		assertThat(remindersTo(MatchExamples.COORDINATOR, offer, "REMINDER_VETTING")).as("on the last working day")
			.isZero();
		this.reminders.remindOn(lastDay.plusDays(1));
		this.reminders.remindOn(lastDay.plusDays(2));
		assertThat(remindersTo(MatchExamples.COORDINATOR, offer, "REMINDER_VETTING")).as("once, the day after")
			.isEqualTo(1);
	}

	@Test
	void theRequesterAndTheProviderSeeHowLongTheyHaveWaited() throws Exception {
		String request = this.examples.requests().submitted(MatchExamples.OFFICIAL);
		this.jdbc.update("update assistance_request set status_changed_at = now() - interval '15 days' where reference = ?",
				request);
		LocalDate since = statusChangedOn("assistance_request", request);
		Document page = Jsoup.parse(this.mvc.perform(get("/requests/" + request)
			.with(signedIn(this.examples.person(MatchExamples.OFFICIAL))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".status-panel .waiting").text())
			.isEqualTo("Waiting for a coordinator for 15 days (since " + since + ").");
		assertThat(page.select(".status-panel .badge.overdue").text()).isEqualTo("overdue");

		String offer = this.examples.offers().submitted(MatchExamples.PROVIDER);
		this.jdbc.update("update offer set status_changed_at = now() - interval '8 days' where reference = ?", offer);
		Document offerPage = Jsoup.parse(this.mvc.perform(get("/offers/" + offer)
			.with(signedIn(this.examples.person(MatchExamples.PROVIDER))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(offerPage.select(".status-panel .waiting").text()).isEqualTo(
				"Waiting for the coordinators’ vetting for 8 days (since " + statusChangedOn("offer", offer) + ").");
		assertThat(offerPage.select(".status-panel .badge.overdue").text()).isEqualTo("overdue");
		Document queue = Jsoup.parse(this.mvc.perform(get("/admin/offers").param("status", "SUBMITTED")
			.with(signedIn(this.examples.person(MatchExamples.COORDINATOR))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(queue.select("tr:has(a:containsOwn(" + offer + ")) .badge.overdue").text()).isEqualTo("overdue");
	}

	@Test
	void aProviderIsRemindedOnceTheDayAfterItsTenthWorkingDay() {
		long id = this.examples.approved();
		String request = this.jdbc.queryForObject("select request_reference from request_match where id = ?",
				String.class, id);
		LocalDate approvedOn = this.jdbc.queryForObject("select status_changed_at from request_match where id = ?",
				java.sql.Timestamp.class, id).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate lastDay = WorkingDays.after(approvedOn, 10);

		this.reminders.remindOn(lastDay);
		assertThat(reminders(request, "REMINDER_PROVIDER")).as("on the last working day").isZero();
		this.reminders.remindOn(lastDay.plusDays(1));
		assertThat(reminders(request, "REMINDER_PROVIDER")).as("the day after").isEqualTo(1);
		this.reminders.remindOn(lastDay.plusDays(2));
		assertThat(reminders(request, "REMINDER_PROVIDER")).as("and never again for this stage").isEqualTo(1);

		EventsSettled.await(this.context);
		this.mailRoom.sendDue();
		assertThat(TestMailServer.mailsTo(MatchExamples.PROVIDER)
			.stream()
			.filter(m -> TestMailServer.subject(m).equals("Reminder: request " + request + " waits for your answer"))
			.count()).isEqualTo(1);
	}

	@Test
	void providersAreWarnedOnceTwoWeeksBeforeTheirOfferEnds() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String offer = this.examples.offers().published(MatchExamples.PROVIDER, today, today.plusDays(20));
		this.reminders.remindOn(today);
		assertThat(reminders(offer, "OFFER_EXPIRING")).as("twenty days before").isZero();
		this.reminders.remindOn(today.plusDays(6));
		assertThat(reminders(offer, "OFFER_EXPIRING")).as("fourteen days before").isEqualTo(1);
		this.reminders.remindOn(today.plusDays(7));
		assertThat(reminders(offer, "OFFER_EXPIRING")).as("and not again").isEqualTo(1);
	}

	@Test
	void tenWorkingDaysSkipTheWeekends() {
		// approved on a Friday: ten working days later is the second Friday after
		assertThat(WorkingDays.after(LocalDate.of(2026, 11, 27), 10)).isEqualTo(LocalDate.of(2026, 12, 11));
	}

	@Test
	void coordinatorsGetOneDigestADay() {
		this.examples.proposed();
		LocalDate day = LocalDate.of(2031, 3, 3).plusDays(System.nanoTime() % 1000);
		this.reminders.digestOn(day);
		this.reminders.digestOn(day);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification n join account a on a.id = n.recipient_id"
						+ " where a.email = ? and n.kind = 'DIGEST' and n.subject_reference = ?",
				Long.class, MatchExamples.COORDINATOR, day.toString()))
			.isEqualTo(1);
		this.mailRoom.sendDue();
		String body = TestMailServer.mailsTo(MatchExamples.COORDINATOR)
			.stream()
			.filter(m -> TestMailServer.subject(m).equals("TA Exchange: what waits for the coordinators on " + day))
			.map(TestMailServer::body)
			.findFirst()
			.orElseThrow();
		assertThat(body).contains("proposed matches wait for approval")
			.containsPattern("Overdue: \\d+ requests in triage, \\d+ offers in vetting, \\d+ matches");
	}

}
