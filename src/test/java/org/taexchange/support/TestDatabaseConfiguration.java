package org.taexchange.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

import org.taexchange.platform.EmbeddedDatabase;

/**
 * The one place tests get PostgreSQL from: Testcontainers' {@code postgres:17} when a Docker engine
 * answers, otherwise a real embedded PostgreSQL 17 started once per test JVM. Never H2.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer("postgres:17");
	}

	@Bean
	@Conditional(DockerMissing.class)
	JdbcConnectionDetails embeddedPostgres() {
		return EmbeddedDatabase.connectionDetails(SharedEmbeddedPostgres.instance());
	}

	/** One embedded server for the whole test JVM, stopped when the JVM ends. */
	static final class SharedEmbeddedPostgres {

		private static EmbeddedPostgres instance;

		static synchronized EmbeddedPostgres instance() {
			if (instance == null) {
				try {
					// stopped by the shutdown handler below, once the test contexts have closed (closing them
					// still uses the database), not by a JVM hook of its own racing them
					instance = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
				}
				EmbeddedPostgres started = instance;
				SpringApplication.getShutdownHandlers().add(() -> {
					try {
						started.close();
					}
					catch (IOException ex) {
						// the JVM is ending; the server's temporary directory goes with it
					}
				});
			}
			return instance;
		}
	}

	static final class DockerAvailable implements Condition {

		static boolean answers() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return answers();
		}
	}

	static final class DockerMissing implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !DockerAvailable.answers();
		}
	}
}
