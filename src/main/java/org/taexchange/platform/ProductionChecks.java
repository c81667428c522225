package org.taexchange.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * In the {@code prod} profile, refuses to start, before any bean is made (no database, no server), when
 * a setting production needs is missing: an external database ({@code SPRING_DATASOURCE_URL}) and an
 * SMTP server ({@code SPRING_MAIL_HOST}; without one the portal would only log the mails, links
 * included) and a key for the second factor's secrets ({@code TA_SECOND_FACTOR_KEY}), and when demo
 * data is asked for.
 */
@Component
@Profile("prod")
class ProductionChecks implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> problems = problems(this.environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"The prod profile refuses to start: " + String.join("; ", problems) + " (README: Production settings)");
		}
	}

	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			problems.add("no database is configured (set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and"
					+ " SPRING_DATASOURCE_PASSWORD)");
		}
		if (!StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
			problems.add("no SMTP server is configured (set SPRING_MAIL_HOST, and SPRING_MAIL_PORT,"
					+ " SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as needed)");
		}
		String key = environment.getProperty("app.security.second-factor-key");
		if (!StringUtils.hasText(key) || key.startsWith("dev-only")) {
			problems.add("the authenticator apps' secrets would be encrypted with the development key (set"
					+ " TA_SECOND_FACTOR_KEY to a long random pass phrase)");
		}
		if (environment.getProperty("app.demo-data", Boolean.class, false)) {
			problems.add("demo data is switched on (remove APP_DEMO_DATA)");
		}
		return problems;
	}
}
