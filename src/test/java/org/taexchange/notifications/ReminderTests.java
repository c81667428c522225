package org.taexchange.notifications;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.taexchange.matching.MatchExamples;
import org.taexchange.platform.WorkingDays;
import org.taexchange.support.EventsSettled;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines in working days: a match becomes overdue the day after its last working day, its side is
 * reminded once, and the coordinators get one digest a day.
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

	MatchExamples examples;

	@BeforeEach
	void examples() {
		this.examples = new MatchExamples(this.context);
	}

	/** Notifications of that kind about that reference to the demo provider (other tests add providers of its organisation). */
	private long reminders(String reference, String kind) {
		return this.jdbc.queryForObject(
				"select count(*) from notification n join account a on a.id = n.recipient_id"
						+ " where n.subject_reference = ? and n.kind = ? and a.email = ?",
				Long.class, reference, kind, MatchExamples.PROVIDER);
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
			.filter(m -> subject(m).equals("Reminder: request " + request + " waits for your answer"))
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
			.filter(m -> subject(m).equals("TA Exchange: what waits for the coordinators on " + day))
			.map(TestMailServer::body)
			.findFirst()
			.orElseThrow();
		assertThat(body).contains("proposed matches wait for approval");
	}

	private static String subject(jakarta.mail.Message message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
