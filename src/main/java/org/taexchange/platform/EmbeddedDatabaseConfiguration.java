package org.taexchange.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL server from Maven-provided binaries when no external datasource is
 * configured, so that {@code ./mvnw spring-boot:run} works on a machine with only a JDK. Its data
 * persists in {@code app.embedded-db.data-dir} (default {@code ./data/postgres}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
		Path dataDirectory = properties.dataDir().toAbsolutePath().normalize();
		try {
			Files.createDirectories(dataDirectory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(properties.port())
				.start();
			log.info("Embedded PostgreSQL {} is running on port {} with its data in {}. "
					+ "To use an external server instead, set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME "
					+ "and SPRING_DATASOURCE_PASSWORD.", "17", postgres.getPort(), dataDirectory);
			return new EmbeddedDatabase(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	@Bean
	JdbcConnectionDetails embeddedConnectionDetails(EmbeddedDatabase database) {
		return database.connectionDetails();
	}

	/** Matches when no datasource URL is configured and the embedded database is not switched off. */
	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var environment = context.getEnvironment();
			return !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
					&& environment.getProperty("app.embedded-db.enabled", Boolean.class, true);
		}
	}
}
