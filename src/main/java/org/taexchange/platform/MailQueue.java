package org.taexchange.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.SendFailedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;

/**
 * The mails waiting in one table (its columns {@code mail_to}, {@code mail_subject}, {@code mail_body},
 * {@code mail_html}, {@code mail_sent_at}, {@code mail_attempts}, {@code mail_next_attempt_at},
 * {@code mail_last_error}, {@code mail_given_up_at}), sent on a thread of their own so that a slow or
 * dead SMTP server never holds up a page, a scheduled job or a database connection.
 * <p>
 * Each mail is taken with a short lease (its next attempt moved {@value #LEASE_MINUTES} minutes ahead,
 * on a row no other instance holds: {@code for update skip locked}) and sent outside any transaction;
 * then marked sent, or failed and tried again after 1, 2, 4… minutes (at most six hours). After
 * {@code maxAttempts} failures, or at once when the server refuses it for good (a 5xx answer), the mail
 * is given up: it stays, marked, for the admin home and the dev mailbox to show. An instance that dies
 * while sending leaves a lease that runs out, and the mail is sent again by another.
 */
public final class MailQueue implements AutoCloseable {

	static final int LEASE_MINUTES = 5;

	/** The longest pause between two attempts to send a mail. */
	public static final Duration LONGEST_PAUSE = Duration.ofHours(6);

	private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

	private final String table;

	private final JdbcTemplate jdbc;

	private final Mailer mailer;

	private final Clock clock;

	private final int maxAttempts;

	private final boolean eraseWhenDone;

	private final ExecutorService thread;

	private final AtomicBoolean roundQueued = new AtomicBoolean();

	/**
	 * @param table the table that holds the mails (a name from the code, never from a request)
	 * @param maxAttempts how many failures give a mail up
	 * @param eraseWhenDone whether a mail's text is erased once it is sent or given up (a mail that
	 * carries a one-time secret)
	 */
	public MailQueue(String table, JdbcTemplate jdbc, Mailer mailer, Clock clock, int maxAttempts,
			boolean eraseWhenDone) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("A mail is tried at least once");
		}
		this.table = table;
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.eraseWhenDone = eraseWhenDone;
		this.thread = Executors.newSingleThreadExecutor(runnable -> {
			Thread named = new Thread(runnable, "mail-" + table);
			named.setDaemon(true);
			return named;
		});
	}

	/**
	 * Sends what is due on the queue's own thread and returns at once; a round already waiting to
	 * start takes this call's mails too.
	 */
	public void sendDueInTheBackground() {
		if (this.roundQueued.compareAndSet(false, true)) {
			this.thread.execute(() -> {
				this.roundQueued.set(false);
				try {
					sendDue();
				}
				catch (RuntimeException ex) {
					// the database failed: the next round tries again
					log.warn("Mails in {} not sent: {}", this.table, ex.getMessage());
				}
			});
		}
	}

	/** Sends every mail that is due, one after the other, on the calling thread; returns how many went. */
	public int sendDue() {
		int sent = 0;
		for (Optional<Due> due = takeNext(); due.isPresent(); due = takeNext()) {
			if (send(due.get())) {
				sent++;
			}
		}
		return sent;
	}

	/** How many mails were given up. */
	public long undelivered() {
		Long count = this.jdbc.queryForObject("select count(*) from " + this.table + " where mail_given_up_at is not null",
				Long.class);
		return count == null ? 0 : count;
	}

	private Optional<Due> takeNext() {
		Instant now = this.clock.instant();
		List<Due> taken = this.jdbc.query("update " + this.table + " set mail_next_attempt_at = ? where id = (select id from "
				+ this.table + " where mail_sent_at is null and mail_next_attempt_at <= ?"
				+ " order by mail_next_attempt_at limit 1 for update skip locked)"
				+ " returning id, mail_to, mail_subject, mail_body, mail_html, mail_attempts",
				(rs, row) -> new Due(rs.getLong("id"), rs.getString("mail_to"), rs.getString("mail_subject"),
						rs.getString("mail_body"), rs.getString("mail_html"), rs.getInt("mail_attempts")),
				utc(now.plus(Duration.ofMinutes(LEASE_MINUTES))), utc(now));
		return taken.stream().findFirst();
	}

	private boolean send(Due mail) {
		try {
			this.mailer.send(mail.to(), mail.subject(), mail.body(), mail.html());
		}
		catch (RuntimeException ex) {
			// whatever went wrong with this mail, the next one is still sent
			failed(mail, ex);
			return false;
		}
		this.jdbc.update("update " + this.table + " set mail_sent_at = ?, mail_next_attempt_at = null,"
				+ " mail_last_error = null, mail_attempts = mail_attempts + 1" + erasure() + " where id = ?",
				utc(this.clock.instant()), mail.id());
		return true;
	}

	private void failed(Due mail, RuntimeException ex) {
		int attempts = mail.attempts() + 1;
		String error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		error = error.substring(0, Math.min(error.length(), 500));
		Instant now = this.clock.instant();
		if (attempts >= this.maxAttempts || refusedForGood(ex)) {
			log.warn("Mail {} in {} given up after {} attempt(s): {}", mail.id(), this.table, attempts, error);
			this.jdbc.update("update " + this.table + " set mail_attempts = ?, mail_next_attempt_at = null,"
					+ " mail_last_error = ?, mail_given_up_at = ?" + erasure() + " where id = ?", attempts, error, utc(now),
					mail.id());
		}
		else {
			log.warn("Mail {} in {} not sent (attempt {}): {}", mail.id(), this.table, attempts, error);
			this.jdbc.update("update " + this.table + " set mail_attempts = ?, mail_next_attempt_at = ?,"
					+ " mail_last_error = ? where id = ?", attempts, utc(now.plus(pauseAfter(attempts))), error, mail.id());
		}
	}

	private String erasure() {
		return this.eraseWhenDone ? ", mail_body = '', mail_html = null" : "";
	}

	/** The pause after the n-th failed attempt: 1, 2, 4… minutes, at most {@link #LONGEST_PAUSE}. */
	public static Duration pauseAfter(int attempts) {
		long minutes = Math.min(1L << Math.min(Math.max(attempts, 1) - 1, 20), LONGEST_PAUSE.toMinutes());
		return Duration.ofMinutes(minutes);
	}

	/** A 5xx answer (no such mailbox, message refused): trying again would get the same answer. */
	static boolean refusedForGood(Throwable failure) {
		List<Throwable> seen = new ArrayList<>();
		List<Throwable> next = new ArrayList<>(List.of(failure));
		while (!next.isEmpty()) {
			Throwable ex = next.remove(0);
			if (ex == null || seen.contains(ex) || seen.size() > 20) {
				continue;
			}
			seen.add(ex);
			// the SMTP exceptions carry the server's answer, e.g. "550 5.1.1 No such user"
			if (ex instanceof SendFailedException && ex.getMessage() != null
					&& ex.getMessage().strip().matches("(?s)5\\d\\d[ -].*")) {
				return true;
			}
			if (ex instanceof MailSendException send) {
				next.addAll(List.of(send.getMessageExceptions()));
			}
			next.add(ex.getCause());
		}
		return false;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	@Override
	public void close() {
		this.thread.shutdownNow();
	}

	private record Due(long id, String to, String subject, String body, String html, int attempts) {
	}
}
