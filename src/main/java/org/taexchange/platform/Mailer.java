package org.taexchange.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail through the configured SMTP server. Without SMTP settings (the embedded
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

	public void send(String to, String subject, String body) {
		String safeSubject = oneLine(subject);
		JavaMailSender mailSender = this.sender.getIfAvailable();
		if (mailSender == null) {
			log.info("No SMTP server configured; this mail was not sent:\nTo: {}\nSubject: {}\n\n{}", to, safeSubject,
					body);
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(oneLine(to));
		message.setSubject(safeSubject);
		message.setText(body);
		mailSender.send(message);
	}

	/** Header values never carry line breaks: no header injection through a subject or an address. */
	static String oneLine(String value) {
		return value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
	}
}
