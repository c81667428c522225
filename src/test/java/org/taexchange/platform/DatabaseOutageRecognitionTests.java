package org.taexchange.platform;

import java.net.SocketException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean the database is out of reach (503) rather than a fault of the portal (500),
 * including the one a clean-clone run met: a connection broken under a transaction, whose rollback then
 * fails on a connection the pool reports closed, without an SQL state.
 */
class DatabaseOutageRecognitionTests {

	@Test
	void aRollbackThatFailsOnAClosedConnectionMeansTheDatabaseIsOutOfReach() {
		JpaSystemException failedRollback = new JpaSystemException(new org.hibernate.TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

		assertThat(ErrorHandling.lostConnection(failedRollback)).isTrue();
	}

	@Test
	void aBrokenSocketOrAConnectionSqlStateMeansTheDatabaseIsOutOfReach() {
		assertThat(ErrorHandling.lostConnection(new JpaSystemException(
				new RuntimeException("I/O error", new SocketException("Broken pipe")))))
			.isTrue();
		assertThat(ErrorHandling.lostConnection(new JpaSystemException(
				new RuntimeException(new SQLException("The connection attempt failed.", "08001")))))
			.isTrue();
	}

	@Test
	void anyOtherSystemFailureIsNotAnOutage() {
		assertThat(ErrorHandling.lostConnection(new JpaSystemException(
				new RuntimeException(new SQLException("division by zero", "22012")))))
			.isFalse();
		assertThat(ErrorHandling.lostConnection(new JpaSystemException(
				new org.hibernate.TransactionException("Transaction was marked for rollback only"))))
			.isFalse();
	}
}
