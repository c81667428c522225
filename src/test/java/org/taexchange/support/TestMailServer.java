package org.taexchange.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real SMTP server in the test JVM (GreenMail), started once. The portal is pointed at it, so
 * tests read the mails it really sent. Tests use addresses of their own and so never see each
 * other's mail.
 */
public final class TestMailServer {

	private static GreenMail server;

	static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
			GreenMail started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
		}
		return server;
	}

	private TestMailServer() {
	}

	/** The SMTP settings that point an application at the server, for one a test starts itself. */
	public static String[] settings() {
		return new String[] { "spring.mail.host=127.0.0.1", "spring.mail.port=" + server().getSmtp().getPort() };
	}

	/**
	 * Points every test application context at the server, before the context is refreshed, so that
	 * the mail auto-configuration sees the SMTP settings (registered in META-INF/spring.factories).
	 */
	public static final class Customizer implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return testClass.isAnnotationPresent(WithoutMailServer.class) ? null : new PointAtTestMailServer();
		}
	}

	/** Equal to every other instance, so that it does not split the context cache. */
	static final class PointAtTestMailServer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestPropertyValues.of(settings()).applyTo(context);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PointAtTestMailServer;
		}

		@Override
		public int hashCode() {
			return PointAtTestMailServer.class.hashCode();
		}
	}

	/** The mails received so far for one address. */
	public static List<Message> mailsTo(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(m -> isTo(m, address)).map(Message.class::cast).toList();
	}

	/** Waits (up to ten seconds) for the n-th mail to an address and returns it. */
	public static Message awaitMail(String address, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			List<Message> mails = mailsTo(address);
			if (mails.size() >= count) {
				return mails.get(count - 1);
			}
			server().waitForIncomingEmail(200, server().getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail number " + count + " to " + address + " within ten seconds");
	}

	/** A mail's subject. */
	public static String subject(Message message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain text of a mail, decoded: the whole body of a plain mail, the text part of one with an HTML part. */
	public static String body(Message message) {
		return part(message, "text/plain");
	}

	/** The HTML part of a mail, decoded; null when it has none. */
	public static String html(Message message) {
		return part(message, "text/html");
	}

	private static String part(Message message, String type) {
		try {
			return part((Part) message, type);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart parts = (Multipart) part.getContent();
			for (int i = 0; i < parts.getCount(); i++) {
				String found = part(parts.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** The first link in a mail's body that contains the given path. */
	public static String linkIn(Message message, String path) {
		Matcher matcher = Pattern.compile("https?://\\S*" + Pattern.quote(path) + "\\S*").matcher(body(message));
		if (!matcher.find()) {
			throw new AssertionError("No link to " + path + " in: " + body(message));
		}
		return matcher.group();
	}

	private static boolean isTo(Message message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients())
				.anyMatch(a -> a instanceof InternetAddress ia && ia.getAddress().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}
}
