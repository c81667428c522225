package org.taexchange.accounts;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final AuthenticatorApps apps;

	private final Passkeys passkeys;

	AccountSessions(Accounts accounts, Standing standing, AuthenticatorApps apps, Passkeys passkeys,
			SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.apps = apps;
		this.passkeys = passkeys;
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
		AccountUser now = asItIs(account, user);
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

	private AccountUser asItIs(Account account, AccountUser signedIn) {
		return new AccountUser(account, this.standing.participantActive(account),
				this.apps.existsById(account.getId()) || this.passkeys.anyOf(account.getEmail()), signedIn);
	}

	/**
	 * Keeps the session of the person who has just ended every session of their account (a new
	 * password, "sign out everywhere else"): a new session id, and the account as it stands now
	 * saved to the session, so that this one session goes on while the others end.
	 */
	@Transactional(readOnly = true)
	void keepCurrent(AccountUser user, HttpServletRequest request, HttpServletResponse response) {
		Account account = this.accounts.findById(user.id()).orElseThrow();
		AccountUser now = asItIs(account, user);
		Authentication before = this.contexts.getContext().getAuthentication();
		// the factors given at sign-in go on with the session
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(now,
				null, before != null ? before.getAuthorities() : now.getAuthorities());
		if (before != null) {
			authentication.setDetails(before.getDetails());
		}
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(authentication);
		this.contexts.setContext(context);
		this.contextRepository.saveContext(context, request, response);
	}
}
