package org.taexchange.platform;

import java.io.IOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server of a local run. Other modules ask for it (optionally) to learn
 * whether the portal runs on its own database, e.g. to decide whether to load demo data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	public String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}
}
