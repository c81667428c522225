package org.taexchange.notifications;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.taexchange.accounts.Recipients;
import org.taexchange.accounts.Recipients.Recipient;
import org.taexchange.notifications.Notice.Kind;
import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.taexchange.support.SignedIn.signedIn;

/**
 * A slow, silent or refusing SMTP server: no page and no scheduled job waits on it, a silent server is
 * given up on after the timeout, and a mail refused too often is given up and shown to the admins.
 */
@IntegrationTest
class MailDeliveryTests {

	@Autowired
	MailRoom mailRoom;

	@Autowired
	Inbox inbox;

	@Autowired
	Reminders reminders;

	@Autowired
	Recipients recipients;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	ThreadPoolTaskScheduler scheduler;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	JavaMailSenderImpl smtp;

	Recipient coordinator;

	@BeforeEach
	void mailsOfOtherTestsAreSentFirst() {
		this.smtp = (JavaMailSenderImpl) this.mailSender;
		this.coordinator = this.recipients.coordinators().get(0);
		this.mailRoom.sendDue();
	}

	private String deliverOne() {
		String event = "Delivery:" + System.nanoTime();
		this.inbox.deliver(event, new Notice(Kind.OFFER_PUBLISHED, "TAO-DELIVERY", "/offers", List.of("TAO-DELIVERY")),
				List.of(this.coordinator));
		return event + ":" + this.coordinator.accountId();
	}

	private Integer attempts(String dedupeKey) {
		return this.jdbc.queryForObject("select mail_attempts from notification where dedupe_key = ?", Integer.class,
				dedupeKey);
	}

	private static Duration since(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos);
	}

	@Test
	void aSilentSmtpServerHoldsUpNoPageAndNoScheduledJob() throws Exception {
		assertThat(this.smtp.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "10000")
			.containsEntry("mail.smtp.timeout", "10000")
			.containsEntry("mail.smtp.writetimeout", "10000");
		assertThat(this.scheduler.getPoolSize()).as("scheduled jobs do not wait for each other").isGreaterThanOrEqualTo(3);
		int port = this.smtp.getPort();
		List<Socket> held = Collections.synchronizedList(new ArrayList<>());
		try (ServerSocket silent = new ServerSocket(0)) {
			// a server that accepts connections and never says a word
			CountDownLatch connected = new CountDownLatch(1);
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						held.add(silent.accept());
						connected.countDown();
					}
				}
				catch (IOException closed) {
					// the test is over
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			this.smtp.setPort(silent.getLocalPort());
			try {
				String mail = deliverOne();
				long started = System.nanoTime();
				this.mailRoom.sendDueInTheBackground();
				assertThat(since(started)).as("the scheduler's thread is back at once").isLessThan(Duration.ofSeconds(1));
				assertThat(connected.await(5, TimeUnit.SECONDS)).as("the mail thread waits on the silent server").isTrue();
				assertThat(attempts(mail)).isZero();

				// meanwhile a page that makes a mail answers at once
				String email = "silent." + System.nanoTime() + "@example.net";
				started = System.nanoTime();
				this.mvc
					.perform(post("/register").with(csrf())
						.param("accountType", "REQUESTER")
						.param("fullName", "Mariama Conteh")
						.param("email", email)
						.param("password", "a long enough pass phrase")
						.param("passwordConfirmation", "a long enough pass phrase")
						.param("language", "en")
						.param("position", "Statistics officer")
						.param("participantCode", "SL")
						.param("authority", "National Minerals Agency"))
					.andExpect(redirectedUrl("/registered"));
				assertThat(since(started)).isLessThan(Duration.ofSeconds(3));

				// and the reminders run: they make notifications, the mail thread sends them
				started = System.nanoTime();
				this.reminders.remindOn(LocalDate.now());
				assertThat(since(started)).isLessThan(Duration.ofSeconds(5));
				assertThat(attempts(mail)).as("the mail thread still waits").isZero();

				// the read timeout gives the silent server up: the attempt counts as failed, tried again later
				await().atMost(Duration.ofSeconds(30)).until(() -> attempts(mail) == 1);
				assertThat(this.jdbc.queryForObject(
						"select mail_next_attempt_at > now() and mail_sent_at is null and mail_given_up_at is null"
								+ " from notification where dedupe_key = ?",
						Boolean.class, mail))
					.isTrue();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> this.jdbc.queryForObject("select mail_attempts from outgoing_mail where mail_to = ?",
							Integer.class, email) == 1);
			}
			finally {
				this.smtp.setPort(port);
				for (Socket socket : held) {
					socket.close();
				}
			}
		}
	}

	@Test
	void aMailRefusedTooOftenIsGivenUpAndShownOnTheAdminHome() throws Exception {
		int port = this.smtp.getPort();
		String mail;
		try (ServerSocket closed = new ServerSocket(0)) {
			this.smtp.setPort(closed.getLocalPort());
		}
		try {
			mail = deliverOne();
			this.jdbc.update("update notification set mail_attempts = 9 where dedupe_key = ?", mail);
			this.mailRoom.sendDue();
		}
		finally {
			this.smtp.setPort(port);
		}
		assertThat(this.jdbc.queryForMap(
				"select mail_attempts, mail_given_up_at is not null as given_up, mail_next_attempt_at is null as stopped,"
						+ " mail_last_error is not null as explained from notification where dedupe_key = ?",
				mail))
			.containsEntry("mail_attempts", 10)
			.containsEntry("given_up", true)
			.containsEntry("stopped", true)
			.containsEntry("explained", true);
		// the server is back: a mail given up is not tried again
		this.mailRoom.sendDue();
		assertThat(this.jdbc.queryForObject("select mail_sent_at is null from notification where dedupe_key = ?",
				Boolean.class, mail))
			.isTrue();

		String home = this.mvc.perform(get("/admin").with(signedIn(this.people.loadUserByUsername("coordinator@example.org"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(home).select("main .notice").text()).contains("could not be delivered after repeated attempts");
	}
}
