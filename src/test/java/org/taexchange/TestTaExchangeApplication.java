package org.taexchange;

import org.springframework.boot.SpringApplication;

import org.taexchange.support.TestDatabaseConfiguration;

/** Runs the portal on the tests' database (Testcontainers or a throw-away embedded PostgreSQL). */
public class TestTaExchangeApplication {

	public static void main(String[] args) {
		SpringApplication.from(TaExchangeApplication::main).with(TestDatabaseConfiguration.class).run(args);
	}
}
