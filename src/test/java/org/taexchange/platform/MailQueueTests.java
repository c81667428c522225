package org.taexchange.platform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One mail's trouble is its own: a mail that fails in an unexpected way does not stop the ones behind
 * it, one refused for good (5xx) is given up at once, and one carrying a secret is erased once sent.
 */
@IntegrationTest
class MailQueueTests {

	@Autowired
	JdbcTemplate jdbc;

	/** An SMTP server that refuses some addresses for good and breaks on others. */
	static final class PickyServer extends JavaMailSenderImpl {

		final List<String> received = new ArrayList<>();

		@Override
		public void send(MimeMessage... messages) {
			for (MimeMessage message : messages) {
				String to;
				try {
					to = message.getAllRecipients()[0].toString();
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
				if (to.startsWith("unknown")) {
					throw new MailSendException(
							Map.of(message, new SendFailedException("550 5.1.1 <" + to + ">: no such user here")));
				}
				if (to.startsWith("broken")) {
					throw new IllegalStateException("a fault that is no MailException");
				}
				this.received.add(to);
			}
		}
	}

	private long queue(String to) {
		return this.jdbc.queryForObject("insert into outgoing_mail (created_at, mail_to, mail_subject, mail_body,"
				+ " mail_next_attempt_at) values (now(), ?, 'Your link', 'https://example.org/verify?token=secret',"
				+ " now() - interval '1 second') returning id", Long.class, to);
	}

	private Map<String, Object> state(long id) {
		return this.jdbc.queryForMap("select mail_attempts, mail_sent_at is not null as sent, mail_given_up_at is not null"
				+ " as given_up, mail_next_attempt_at > now() as later, mail_body from outgoing_mail where id = ?", id);
	}

	@Test
	void eachMailsTroubleIsItsOwn() {
		PickyServer server = new PickyServer();
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("picky", server);
		long tag = System.nanoTime();
		long broken = queue("broken." + tag + "@example.net");
		long unknown = queue("unknown." + tag + "@example.net");
		long fine = queue("fine." + tag + "@example.net");
		try (MailQueue queue = new MailQueue("outgoing_mail", this.jdbc,
				new Mailer(beans.getBeanProvider(JavaMailSender.class), "portal@example.org"), Clock.systemUTC(), 10,
				true)) {
			queue.sendDue();
		}
		assertThat(server.received).contains("fine." + tag + "@example.net");
		assertThat(state(fine)).containsEntry("sent", true).containsEntry("mail_attempts", 1).containsEntry("mail_body", "");
		assertThat(state(broken)).containsEntry("sent", false)
			.containsEntry("given_up", false)
			.containsEntry("mail_attempts", 1)
			.containsEntry("later", true);
		assertThat(state(unknown)).containsEntry("sent", false)
			.containsEntry("given_up", true)
			.containsEntry("mail_attempts", 1)
			.containsEntry("mail_body", "");
	}

	@Test
	void thePauseBetweenAttemptsGrowsToSixHours() {
		assertThat(MailQueue.pauseAfter(1)).hasMinutes(1);
		assertThat(MailQueue.pauseAfter(4)).hasMinutes(8);
		assertThat(MailQueue.pauseAfter(30)).isEqualTo(MailQueue.LONGEST_PAUSE);
	}
}
