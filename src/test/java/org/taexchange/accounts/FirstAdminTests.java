package org.taexchange.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.taexchange.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an external database and no demo data, the first admin comes from TA_ADMIN_EMAIL and
 * TA_ADMIN_PASSWORD. The test database already has the demo admin, so this context checks the
 * decision itself: demo data off, and the bootstrap leaves an existing admin alone.
 */
@SpringBootTest(properties = { "app.demo-data=false", "app.admin.email=first.admin@example.net",
		"app.admin.password=a first admin pass phrase" })
@Import(TestDatabaseConfiguration.class)
class FirstAdminTests {

	@Autowired
	AccountSeeding seeding;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void demoDataFollowsTheSetting() {
		assertThat(this.seeding.demoDataWanted()).isFalse();
	}

	@Test
	void theFirstAdminIsCreatedOnlyWhenNoAdminExists() {
		boolean otherAdmins = this.jdbc.queryForObject(
				"select count(*) > 0 from account where role = 'ADMIN' and email <> 'first.admin@example.net'",
				Boolean.class);
		Integer created = this.jdbc.queryForObject(
				"select count(*) from account where email = 'first.admin@example.net'", Integer.class);
		if (otherAdmins) {
			assertThat(created).as("an admin existed already: nothing to bootstrap").isZero();
			this.jdbc.update("update account set role = 'COORDINATOR' where role = 'ADMIN'");
			try {
				this.seeding.run(null);
				String hash = this.jdbc.queryForObject(
						"select password_hash from account where email = 'first.admin@example.net'", String.class);
				assertThat(hash).startsWith("{argon2}");
				assertThat(this.passwordEncoder.matches("a first admin pass phrase", hash)).isTrue();
				this.seeding.run(null);
				assertThat(this.jdbc.queryForObject(
						"select count(*) from account where email = 'first.admin@example.net'", Integer.class))
					.isEqualTo(1);
			}
			finally {
				this.jdbc.update("delete from account where email = 'first.admin@example.net'");
				this.jdbc.update("update account set role = 'ADMIN' where email = 'admin@example.org'");
			}
		}
		else {
			assertThat(created).isEqualTo(1);
		}
	}
}
