package org.taexchange.platform;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The prod profile refuses to start without what production needs, and says what is missing. */
class ProductionChecksTests {

	private static final String[] COMPLETE = { "spring.datasource.url=jdbc:postgresql://db:5432/taexchange",
			"spring.mail.host=smtp.example.org", "app.security.second-factor-key=a long random production pass phrase" };

	private final ApplicationContextRunner prod = new ApplicationContextRunner()
		.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
		.withUserConfiguration(ProductionChecks.class);

	@Test
	void startsWithADatabaseAndAnSmtpServer() {
		this.prod.withPropertyValues(COMPLETE).run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void refusesToStartWithoutAnSmtpServer() {
		this.prod.withPropertyValues("spring.datasource.url=jdbc:postgresql://db:5432/taexchange")
			.run(context -> assertThat(context).getFailure()
				.hasMessageContaining("The prod profile refuses to start")
				.hasMessageContaining("no SMTP server is configured (set SPRING_MAIL_HOST"));
	}

	@Test
	void refusesToStartWithoutADatabase() {
		this.prod.withPropertyValues("spring.mail.host=smtp.example.org")
			.run(context -> assertThat(context).getFailure()
				.hasMessageContaining("no database is configured (set SPRING_DATASOURCE_URL"));
	}

	@Test
	void refusesToStartWithTheDevelopmentKeyOfTheSecondFactor() {
		this.prod.withPropertyValues(COMPLETE)
			.withPropertyValues("app.security.second-factor-key=dev-only-second-factor-key")
			.run(context -> assertThat(context).getFailure().hasMessageContaining("set TA_SECOND_FACTOR_KEY"));
	}

	@Test
	void refusesToStartWithDemoData() {
		this.prod.withPropertyValues(COMPLETE)
			.withPropertyValues("app.demo-data=true")
			.run(context -> assertThat(context).getFailure().hasMessageContaining("demo data is switched on"));
	}

	@Test
	void checksNothingOutsideTheProdProfile() {
		new ApplicationContextRunner().withUserConfiguration(ProductionChecks.class)
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProductionChecks.class));
	}
}
