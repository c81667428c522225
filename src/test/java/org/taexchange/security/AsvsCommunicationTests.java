package org.taexchange.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** How the portal talks to the services behind it, as the running application is set up. */
@IntegrationTest
class AsvsCommunicationTests {

	@Autowired
	JavaMailSender mailSender;

	/**
	 * V12.3.2: when the mail server speaks TLS, the client the portal sends with checks that the
	 * certificate names the server it asked for, on STARTTLS and on smtps alike.
	 */
	@Test
	void theMailClientChecksThatTheServersCertificateNamesTheServer() {
		assertThat(this.mailSender).isInstanceOf(JavaMailSenderImpl.class);
		var session = ((JavaMailSenderImpl) this.mailSender).getSession();
		assertThat(session.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
		assertThat(session.getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("true");
	}
}
