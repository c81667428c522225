package org.taexchange.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import org.taexchange.audit.DecisionMade;
import org.taexchange.platform.IllegalTransition;
import org.taexchange.support.DomainEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));

	private Account aRequester() {
		return Account.registerRequester(new EmailAddress(" Official@Example.ORG "), "{noop}x", "An Official",
				Locale.FRENCH, "SL", "Head of unit", "National Minerals Agency", this.clock);
	}

	@Test
	void registrationIsPendingAndLogged() {
		Account account = aRequester();
		assertThat(account.getEmail()).isEqualTo("official@example.org");
		assertThat(account.getStatus()).isEqualTo(AccountStatus.PENDING);
		assertThat(account.getLanguage()).isEqualTo("fr");
		assertThat(account.maySubmit()).isFalse();
		assertThat(decisions(account)).extracting(DecisionMade::action).containsExactly("REGISTERED");
	}

	@Test
	void cannotBeApprovedBeforeTheEmailIsVerified() {
		Account account = aRequester();
		assertThatThrownBy(() -> account.approve("coordinator@example.org", this.clock))
			.isInstanceOf(IllegalTransition.class)
			.satisfies(ex -> assertThat(((IllegalTransition) ex).currentState()).isEqualTo("UNVERIFIED"));
	}

	@Test
	void mayOnlySubmitWhenVerifiedAndApproved() {
		Account account = aRequester();
		account.verifyEmail(this.clock);
		assertThat(account.maySubmit()).isFalse();
		account.approve("coordinator@example.org", this.clock);
		assertThat(account.maySubmit()).isTrue();
		assertThat(account.getDecidedBy()).isEqualTo("coordinator@example.org");
		assertThat(decisions(account)).extracting(DecisionMade::action)
			.containsExactly("REGISTERED", "EMAIL_VERIFIED", "APPROVED");
		DecisionMade approval = decisions(account).get(2);
		assertThat(approval.fromState()).isEqualTo("PENDING");
		assertThat(approval.toState()).isEqualTo("APPROVED");
	}

	@Test
	void verifyingTwiceChangesNothing() {
		Account account = aRequester();
		account.verifyEmail(this.clock);
		Instant first = account.getEmailVerifiedAt();
		this.clock.advance(Duration.ofHours(1));
		account.verifyEmail(this.clock);
		assertThat(account.getEmailVerifiedAt()).isEqualTo(first);
		assertThat(decisions(account)).hasSize(2);
	}

	@Test
	void rejectionNeedsAReasonAndEndsTheRegistration() {
		Account account = aRequester();
		assertThatThrownBy(() -> account.reject("coordinator@example.org", " ", this.clock))
			.isInstanceOf(IllegalArgumentException.class);
		account.reject("coordinator@example.org", "Not an official of this participant", this.clock);
		assertThat(account.getStatus()).isEqualTo(AccountStatus.REJECTED);
		assertThat(account.getDecisionReason()).isEqualTo("Not an official of this participant");
		assertThatThrownBy(() -> account.reject("coordinator@example.org", "again", this.clock))
			.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> account.approve("coordinator@example.org", this.clock))
			.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void locksAfterTooManyFailedSignInsAndUnlocksLater() {
		Account account = aRequester();
		for (int i = 0; i < 4; i++) {
			account.recordFailedSignIn(5, Duration.ofMinutes(15), this.clock);
		}
		assertThat(account.isLocked(this.clock)).isFalse();
		account.recordFailedSignIn(5, Duration.ofMinutes(15), this.clock);
		assertThat(account.isLocked(this.clock)).isTrue();
		assertThat(decisions(account)).extracting(DecisionMade::action).contains("LOCKED");
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(account.isLocked(this.clock)).isFalse();
	}

	@Test
	void aSuccessfulSignInResetsTheCount() {
		Account account = aRequester();
		for (int i = 0; i < 4; i++) {
			account.recordFailedSignIn(5, Duration.ofMinutes(15), this.clock);
		}
		account.recordSuccessfulSignIn();
		account.recordFailedSignIn(5, Duration.ofMinutes(15), this.clock);
		assertThat(account.isLocked(this.clock)).isFalse();
	}

	@Test
	void staffAccountsAreApprovedAtOnceAndOnlyForStaffRoles() {
		Account staff = Account.staff(new EmailAddress("c@example.org"), "{noop}x", "C", Role.COORDINATOR,
				Locale.ENGLISH, this.clock);
		assertThat(staff.maySubmit()).isTrue();
		assertThatThrownBy(() -> Account.staff(new EmailAddress("r@example.org"), "{noop}x", "R", Role.REQUESTER,
				Locale.ENGLISH, this.clock))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSignedInUserCarriesWhatOtherModulesNeed() {
		Account account = Account.registerProvider(new EmailAddress("p@example.org"), "{noop}x", "P", Locale.ENGLISH,
				7L, "Officer", this.clock);
		ReflectionTestUtils.setField(account, "id", 42L);
		AccountUser user = new AccountUser(account, false, true, false, this.clock.instant());
		assertThat(user.id()).isEqualTo(42L);
		assertThat(user.organisationId()).isEqualTo(7L);
		assertThat(user.participantCode()).isNull();
		assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PROVIDER");
		assertThat(user.preferredLocale()).isEqualTo(Locale.ENGLISH);
		assertThat(user.isAccountNonLocked()).isTrue();
		assertThat(user.isEnabled()).isTrue();
		assertThat(user.approved()).as("not verified, not approved").isFalse();
		assertThat(user.maySubmit()).isFalse();
		user.eraseCredentials();
		assertThat(user.getPassword()).isNull();
	}

	@Test
	void emailAddressesAreCheckedAndNormalised() {
		assertThat(EmailAddress.isValid("name@example.org")).isTrue();
		assertThat(EmailAddress.isValid("name@example")).isFalse();
		assertThat(EmailAddress.isValid("two@@example.org")).isFalse();
		assertThat(EmailAddress.isValid("a b@example.org")).isFalse();
		assertThat(EmailAddress.isValid(null)).isFalse();
		assertThat(EmailAddress.isValid("x".repeat(250) + "@example.org")).isFalse();
		assertThat(new EmailAddress("Name@Example.Org").value()).isEqualTo("name@example.org");
		assertThatThrownBy(() -> new EmailAddress("nope")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void passwordPolicyCountsCharactersNotBytes() {
		assertThat(PasswordPolicy.problem(null)).isEqualTo("password.required");
		assertThat(PasswordPolicy.problem("short")).isEqualTo("password.tooShort");
		assertThat(PasswordPolicy.problem("twelve chars")).isNull();
		assertThat(PasswordPolicy.problem("é".repeat(128))).isNull();
		assertThat(PasswordPolicy.problem("😀".repeat(128))).as("128 emoji are 256 UTF-16 units").isNull();
		assertThat(PasswordPolicy.problem("a".repeat(129))).isEqualTo("password.tooLong");
	}

	private static java.util.List<DecisionMade> decisions(Account account) {
		return DomainEvents.of(account, DecisionMade.class);
	}

	/** A clock the test moves by hand. */
	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}
	}

	@Test
	void anAdminDisablesAnApprovedAccountWithAReasonAndEnablesItAgain() {
		Account account = Account.registerProvider(new EmailAddress("p@example.org"), "{noop}x", "P", Locale.ENGLISH,
				7L, "Officer", this.clock);
		assertThatThrownBy(() -> account.disable("admin@example.org", "Left the agency", this.clock))
			.as("a pending account is turned down, not disabled")
			.isInstanceOf(IllegalTransition.class);
		ReflectionTestUtils.setField(account, "id", 42L);
		account.verifyEmail(this.clock);
		account.approve("coordinator@example.org", this.clock);
		int generation = account.getSessionGeneration();
		assertThatThrownBy(() -> account.disable("admin@example.org", " ", this.clock))
			.isInstanceOf(IllegalArgumentException.class);

		account.disable("admin@example.org", "Left the agency", this.clock);

		assertThat(account.getStatus()).isEqualTo(AccountStatus.DISABLED);
		assertThat(account.maySubmit()).isFalse();
		assertThat(account.getSessionGeneration()).as("its sessions end").isGreaterThan(generation);
		assertThat(new AccountUser(account, false, true, false, this.clock.instant()).isEnabled()).isFalse();
		assertThatThrownBy(() -> account.disable("admin@example.org", "Again", this.clock))
			.isInstanceOf(IllegalTransition.class);

		account.enable("admin@example.org", "Back from leave", this.clock);

		assertThat(account.getStatus()).isEqualTo(AccountStatus.APPROVED);
		assertThat(account.maySubmit()).isTrue();
		assertThat(account.getDecisionReason()).isEqualTo("Back from leave");
	}

	@Test
	void anOfficialWhoseParticipantIsSuspendedMaySeeButNotSubmit() {
		Account account = Account.registerRequester(new EmailAddress("o@example.org"), "{noop}x", "O", Locale.ENGLISH,
				"SL", "Officer", "Ministry of Mines", this.clock);
		ReflectionTestUtils.setField(account, "id", 43L);
		account.verifyEmail(this.clock);
		account.approve("coordinator@example.org", this.clock);

		AccountUser suspended = new AccountUser(account, false, false, false, this.clock.instant());

		assertThat(suspended.approved()).isTrue();
		assertThat(suspended.maySubmit()).isFalse();
		assertThat(suspended.participantSuspended()).isTrue();
	}

	@Test
	void movingAnOfficialToAnotherParticipantNeedsAReasonAndEndsTheirSessions() {
		Account account = Account.registerRequester(new EmailAddress("o@example.org"), "{noop}x", "O", Locale.ENGLISH,
				"SL", "Officer", "Ministry of Mines", this.clock);
		int generation = account.getSessionGeneration();
		assertThatThrownBy(() -> account.reassign(null, 3L, "admin@example.org", "Wrong side", this.clock))
			.as("an official belongs to a participant, not an organisation")
			.isInstanceOf(IllegalTransition.class);

		account.reassign("LR", null, "admin@example.org", "Moved to the Liberian ministry", this.clock);

		assertThat(account.getParticipantCode()).isEqualTo("LR");
		assertThat(account.getSessionGeneration()).isGreaterThan(generation);
	}
}
