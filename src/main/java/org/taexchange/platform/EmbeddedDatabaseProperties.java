package org.taexchange.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server.
 *
 * @param enabled whether to start it when no {@code spring.datasource.url} is set
 * @param dataDir where its data lives between runs
 * @param port its TCP port on the loopback interface; 0 picks a free one
 */
@ConfigurationProperties("app.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("true") boolean enabled, @DefaultValue("data/postgres") Path dataDir,
		@DefaultValue("0") int port) {
}
