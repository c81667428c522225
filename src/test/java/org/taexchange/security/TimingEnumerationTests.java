package org.taexchange.security;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import org.taexchange.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The time an answer takes does not tell whether an address has an account, or what became of it:
 * every registration and every sign-in attempt hashes the password typed. The work is counted, not
 * timed: one Argon2 hash with 19 MiB of memory allocates those 19 MiB in the thread that asks for it
 * (MockMvc runs the request in the test's thread), however busy the machine is.
 */
@IntegrationTest
class TimingEnumerationTests {

	/** The memory one Argon2 hash of the portal fills. */
	private static final long ONE_HASH = 19L * 1024 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void registeringAnAddressThatHasAnAccountHashesThePasswordLikeRegisteringANewOne() throws Exception {
		String existing = NewAccounts.registerRequester(this.mvc, "timing-existing");

		long again = allocatedBy(NewAccounts.registration("REQUESTER", existing));
		long fresh = allocatedBy(
				NewAccounts.registration("REQUESTER", "security-timing-new-" + System.nanoTime() + "@example.org"));

		assertThat(fresh).as("bytes allocated registering a new address").isGreaterThanOrEqualTo(ONE_HASH);
		assertThat(again).as("bytes allocated registering an address that has an account")
			.isGreaterThanOrEqualTo(ONE_HASH);
	}

	@Test
	void signingInToALockedOrRejectedAccountHashesThePasswordLikeAWrongPassword() throws Exception {
		String locked = NewAccounts.registerRequester(this.mvc, "timing-locked");
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(SignIn.form(locked, "not the pass phrase " + i));
		}
		assertThat(this.jdbc.queryForObject("select locked_until > now() from account where email = ?", Boolean.class,
				locked))
			.as("locked")
			.isTrue();
		String rejected = NewAccounts.registerRequester(this.mvc, "timing-rejected");
		reject(rejected);
		String pending = NewAccounts.registerRequester(this.mvc, "timing-wrong");

		long wrongPassword = allocatedBy(SignIn.form(pending, "not the pass phrase"));
		long unknown = allocatedBy(SignIn.form("nobody-" + System.nanoTime() + "@example.org", "not the pass phrase"));
		long lockedAccount = allocatedBy(SignIn.form(locked, NewAccounts.PASSWORD));
		long rejectedAccount = allocatedBy(SignIn.form(rejected, NewAccounts.PASSWORD));

		assertThat(wrongPassword).as("bytes allocated by a wrong password").isGreaterThanOrEqualTo(ONE_HASH);
		assertThat(unknown).as("bytes allocated by an unknown address").isGreaterThanOrEqualTo(ONE_HASH);
		assertThat(lockedAccount).as("bytes allocated signing in to a locked account").isGreaterThanOrEqualTo(ONE_HASH);
		assertThat(rejectedAccount).as("bytes allocated signing in to a rejected account")
			.isGreaterThanOrEqualTo(ONE_HASH);
	}

	private long allocatedBy(RequestBuilder request) throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		this.mvc.perform(request);
		return threads.getCurrentThreadAllocatedBytes() - before;
	}

	private void reject(String email) throws Exception {
		long id = this.jdbc.queryForObject("select id from account where email = ?", Long.class, email);
		long version = this.jdbc.queryForObject("select version from account where email = ?", Long.class, email);
		this.mvc.perform(post("/admin/accounts/{id}/reject", id).with(csrf())
			.with(Visitor.COORDINATOR.as(this.people))
			.param("version", String.valueOf(version))
			.param("reason", "Not an official of this participant"));
		assertThat(this.jdbc.queryForObject("select status from account where email = ?", String.class, email))
			.isEqualTo("REJECTED");
	}
}
