package org.taexchange.accounts;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.UriComponentsBuilder;

import org.taexchange.platform.Mailer;

/**
 * The password mails (reset link, invitation, "your password was changed"), in the person's
 * language. Each leaves once the transaction that decided it has committed, never inside one, and
 * on another thread: the answer to "forgot your password?" takes as long whether a mail goes or not,
 * and a slow SMTP server holds no database connection.
 */
@Component
class AccountMail {

	private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

	private final Mailer mailer;

	private final MessageSource messages;

	private final TaskExecutor executor;

	private final String baseUrl;

	AccountMail(Mailer mailer, MessageSource messages,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
			@Value("${app.public-base-url}") String baseUrl) {
		this.mailer = mailer;
		this.messages = messages;
		this.executor = executor;
		this.baseUrl = baseUrl;
	}

	/** The portal's address of a page, with a token when one is given. */
	String link(String path, String token) {
		UriComponentsBuilder link = UriComponentsBuilder.fromUriString(this.baseUrl).path(path);
		if (token != null) {
			link.queryParam("token", token);
		}
		return link.build().toUriString();
	}

	/**
	 * Sends {@code mail.<name>.subject} and {@code mail.<name>.body} to the account once the current
	 * transaction commits (at once when there is none); nothing when it rolls back.
	 */
	void sendAfterCommit(Account account, String name, Object... arguments) {
		String to = account.getEmail();
		Locale locale = Locale.forLanguageTag(account.getLanguage());
		String subject = this.messages.getMessage("mail." + name + ".subject", null, locale);
		String body = this.messages.getMessage("mail." + name + ".body", arguments, locale);
		Runnable send = () -> this.executor.execute(() -> send(to, subject, body, name));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
	}

	private void send(String to, String subject, String body, String name) {
		try {
			this.mailer.send(to, subject, body);
		}
		catch (MailException ex) {
			// TODO(mail): retried by the robust mail sending once it lands; until then the person asks again
			log.warn("The {} mail was not sent: {}", name, ex.getMessage());
		}
	}
}
