package org.taexchange.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import org.taexchange.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference numbers are consecutive, even when many submissions happen at once or some roll back. */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class ReferenceNumbersTests {

	@Autowired
	ReferenceNumbers numbers;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void numbersHaveNoGapsUnderConcurrencyAndAfterRollbacks() throws Exception {
		int year = 2100 + (int) (System.nanoTime() % 800);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> takers = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				boolean rollBack = i % 5 == 0;
				takers.add(() -> this.transactions.execute(status -> {
					String value = this.numbers.next(year).value();
					if (rollBack) {
						status.setRollbackOnly();
						return null;
					}
					return value;
				}));
			}
			List<String> kept = new ArrayList<>();
			for (Future<String> taken : pool.invokeAll(takers)) {
				if (taken.get() != null) {
					kept.add(taken.get());
				}
			}
			List<String> expected = new ArrayList<>();
			for (int i = 1; i <= 32; i++) {
				expected.add(ReferenceNumber.of(year, i).value());
			}
			assertThat(kept).hasSize(32).containsExactlyInAnyOrderElementsOf(expected);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
