package org.taexchange.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who hears about what: the approved officials of a participant, the approved providers of an
 * organisation, the coordinators, or one account; each with the language they chose.
 */
@Service
@Transactional(readOnly = true)
public class Recipients {

	/** A person to tell something, in their language. */
	public record Recipient(long accountId, String email, String fullName, Locale locale) {
	}

	private final Accounts accounts;

	Recipients(Accounts accounts) {
		this.accounts = accounts;
	}

	public List<Recipient> officialsOf(String participantCode) {
		return this.accounts.findByRoleAndStatusAndParticipantCode(Role.REQUESTER, AccountStatus.APPROVED,
				participantCode)
			.stream()
			.map(Recipients::of)
			.toList();
	}

	public List<Recipient> providersOf(long organisationId) {
		return this.accounts.findByOrganisationId(organisationId)
			.stream()
			.filter(a -> a.getRole() == Role.PROVIDER && a.getStatus() == AccountStatus.APPROVED)
			.map(Recipients::of)
			.toList();
	}

	/** Approved coordinators and admins. */
	public List<Recipient> coordinators() {
		return this.accounts.findByStatusOrderByCreatedAt(AccountStatus.APPROVED)
			.stream()
			.filter(a -> a.getRole() == Role.COORDINATOR || a.getRole() == Role.ADMIN)
			.map(Recipients::of)
			.toList();
	}

	public Optional<Recipient> byEmail(String email) {
		return this.accounts.findByEmail(email).map(Recipients::of);
	}

	public Optional<Recipient> account(long id) {
		return this.accounts.findById(id).map(Recipients::of);
	}

	private static Recipient of(Account account) {
		return new Recipient(account.getId(), account.getEmail(), account.getFullName(),
				Locale.forLanguageTag(account.getLanguage() == null ? "en" : account.getLanguage()));
	}
}
