package org.taexchange.security;

import java.util.Collections;
import java.util.List;

import jakarta.mail.Header;
import jakarta.mail.Message;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;

import org.taexchange.platform.Mailer;
import org.taexchange.support.IntegrationTest;
import org.taexchange.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Line breaks typed into what becomes a mail header (a subject made from a title, an address) never
 * start a header of their own: no extra recipient, no header an attacker chose.
 */
@IntegrationTest
class MailHeaderInjectionTests {

	private static final List<String> BREAKS = List.of("\r\n", "\n", "\r", "\u0085", "\u2028", "\r\n\r\n");

	@Autowired
	Mailer mailer;

	@Test
	void lineBreaksInASubjectNeverBecomeHeaders() throws Exception {
		for (String lineBreak : BREAKS) {
			String recipient = "subject-" + System.nanoTime() + "@example.org";
			String attacker = "attacker-" + System.nanoTime() + "@example.org";
			this.mailer.send(recipient, "Your request" + lineBreak + "Bcc: " + attacker + lineBreak + "X-Injected: yes",
					"Body of the mail");

			Message mail = TestMailServer.awaitMail(recipient, 1);
			assertThat(mail.getHeader("X-Injected")).as("X-Injected header after %s", escaped(lineBreak)).isNull();
			assertThat(mail.getHeader("Bcc")).as("Bcc header after %s", escaped(lineBreak)).isNull();
			assertThat(mail.getSubject()).as("subject").startsWith("Your request").doesNotContain("\r", "\n");
			for (Header header : Collections.list(mail.getAllHeaders())) {
				assertThat(header.getName()).as("header names").isNotEqualToIgnoringCase("X-Injected");
			}
			assertThat(TestMailServer.mailsTo(attacker)).as("mail to the address injected after %s", escaped(lineBreak))
				.isEmpty();
		}
	}

	@Test
	void lineBreaksInAnAddressNeverAddARecipientOrAHeader() throws Exception {
		for (String lineBreak : BREAKS) {
			String recipient = "address-" + System.nanoTime() + "@example.org";
			String attacker = "attacker-" + System.nanoTime() + "@example.org";
			try {
				this.mailer.send(recipient + lineBreak + "Bcc: " + attacker + lineBreak + "X-Injected: yes", "Subject",
						"Body of the mail");
			}
			catch (MailException refused) {
				// refusing such an address outright is as good
			}
			assertThat(TestMailServer.mailsTo(attacker)).as("mail to the address injected after %s", escaped(lineBreak))
				.isEmpty();
			for (Message mail : TestMailServer.mailsTo(recipient)) {
				assertThat(mail.getHeader("X-Injected")).isNull();
				assertThat(mail.getHeader("Bcc")).isNull();
			}
		}
	}

	private static String escaped(String lineBreak) {
		return lineBreak.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
	}
}
