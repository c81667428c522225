package org.taexchange.notifications;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a notification's mail from {@code templates/mail/notice.txt} and {@code notice.html}: every
 * sentence a message key, in the recipient's language. In the HTML part whatever came from a person
 * (a reason, a name) is escaped; the text part is plain text, which no mail reader renders as markup.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine text;

	private final SpringTemplateEngine html;

	MailTemplates(MessageSource messages) {
		this.text = engine(messages, TemplateMode.TEXT, ".txt");
		this.html = engine(messages, TemplateMode.HTML, ".html");
	}

	private static SpringTemplateEngine engine(MessageSource messages, TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	/** The plain-text and HTML bodies of one notice to one person. */
	Mail write(Notice notice, String fullName, String pageUrl, Locale locale) {
		Context context = new Context(locale, Map.of("kind", notice.kind().name(), "arguments",
				notice.arguments().toArray(), "name", fullName, "url", pageUrl));
		return new Mail(this.text.process("notice", context), this.html.process("notice", context));
	}

	record Mail(String text, String html) {
	}
}
