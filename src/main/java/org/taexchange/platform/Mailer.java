package org.taexchange.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail (plain text, or text and HTML) through the configured SMTP server. Without SMTP settings (the embedded
 * default) each message is written to the log instead, so that a newcomer can follow its links.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	Mailer(ObjectProvider<JavaMailSender> sender, @Value("${app.mail.from}") String from) {
		this.sender = sender;
		this.from = from;
	}

	/** A plain-text mail. */
	public void send(String to, String subject, String body) {
		send(to, subject, body, null);
	}

	/**
	 * A mail with a plain-text part and, unless {@code html} is null, an HTML part (the reader shows the
	 * one it prefers).
	 */
	public void send(String to, String subject, String text, String html) {
		String safeSubject = oneLine(subject);
		JavaMailSender mailSender = this.sender.getIfAvailable();
		if (mailSender == null) {
			log.info("No SMTP server configured; this mail was not sent:\nTo: {}\nSubject: {}\n\n{}", to, safeSubject,
					text);
			return;
		}
		MimeMessage message = mailSender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, html != null, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(oneLine(to));
			helper.setSubject(safeSubject);
			if (html == null) {
				helper.setText(text);
			}
			else {
				helper.setText(text, html);
			}
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		mailSender.send(message);
	}

	/** Header values never carry line breaks: no header injection through a subject or an address. */
	static String oneLine(String value) {
		return value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
	}
}
