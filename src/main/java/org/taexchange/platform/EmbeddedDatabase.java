package org.taexchange.platform;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The embedded PostgreSQL server of a local run. Other modules ask for it (optionally) to learn
 * whether the portal runs on its own database, e.g. to decide whether to load demo data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** Connection details for a PostgreSQL server started from the embedded binaries. */
	public static JdbcConnectionDetails connectionDetails(EmbeddedPostgres postgres) {
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "postgres";
			}

			@Override
			public String getJdbcUrl() {
				return postgres.getJdbcUrl("postgres", "postgres");
			}
		};
	}

	JdbcConnectionDetails connectionDetails() {
		return connectionDetails(this.postgres);
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}
}
