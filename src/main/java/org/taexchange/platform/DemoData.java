package org.taexchange.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Whether the portal fills itself with demo data: on by default with the embedded database, off
 * with an external one; {@code app.demo-data} decides otherwise. Each module seeds its own.
 */
@Component
public class DemoData {

	private final Environment environment;

	private final ObjectProvider<EmbeddedDatabase> embeddedDatabase;

	DemoData(Environment environment, ObjectProvider<EmbeddedDatabase> embeddedDatabase) {
		this.environment = environment;
		this.embeddedDatabase = embeddedDatabase;
	}

	public boolean wanted() {
		String setting = this.environment.getProperty("app.demo-data");
		return StringUtils.hasText(setting) ? Boolean.parseBoolean(setting)
				: this.embeddedDatabase.getIfAvailable() != null;
	}
}
