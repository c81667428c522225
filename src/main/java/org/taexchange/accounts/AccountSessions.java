package org.taexchange.accounts;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.platform.SessionStanding;

/**
 * A session lives as long as its account allows: it ends at the next request once the account is
 * disabled or turned down, once its sessions were ended (a new password, "sign out everywhere", a
 * move to another participant), and in any case {@code app.security.session-lifetime} after signing
 * in. Coordinators' and admins' sessions end after {@code app.security.staff-idle-timeout} without a
 * request. Otherwise the request runs with the account as it is now: an approval or a participant's
 * suspension shows at once.
 */
@Component
class AccountSessions implements SessionStanding {

	private final Accounts accounts;

	private final Standing standing;

	private final SecuritySettings settings;

	private final Clock clock;

	AccountSessions(Accounts accounts, Standing standing, SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.standing = standing;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Authentication> refresh(Authentication signedIn, HttpServletRequest request) {
		if (!(signedIn.getPrincipal() instanceof AccountUser user)) {
			return Optional.of(signedIn);
		}
		Optional<Account> found = this.accounts.findById(user.id());
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Account account = found.get();
		boolean expired = user.signedInAt().plus(this.settings.sessionLifetime()).isBefore(this.clock.instant());
		AccountUser now = new AccountUser(account, this.standing.participantActive(account), user);
		if (!now.isEnabled() || account.getSessionGeneration() != user.sessionGeneration() || expired) {
			return Optional.empty();
		}
		HttpSession session = request.getSession(false);
		if (session != null && account.getRole().isStaff()) {
			session.setMaxInactiveInterval((int) this.settings.staffIdleTimeout().toSeconds());
		}
		UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken.authenticated(now, null,
				signedIn.getAuthorities());
		current.setDetails(signedIn.getDetails());
		return Optional.of(current);
	}
}
