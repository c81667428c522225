package org.taexchange.accounts;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.taexchange.audit.SecurityEventKind;
import org.taexchange.audit.SecurityEvents;

/**
 * The passkeys of accounts, stored in PostgreSQL by Spring Security's own JDBC repositories (which the
 * passkey filters use to register and check them); this class reads them for the second-factor page
 * and removes them on their owner's request.
 */
@Service
class Passkeys {

	/** One passkey as the page of the second factor lists it (times in UTC; never used: {@code null}). */
	record Passkey(String id, String label, OffsetDateTime created, OffsetDateTime lastUsed) {
	}

	private final JdbcClient jdbc;

	private final SecurityEvents securityEvents;

	Passkeys(JdbcClient jdbc, SecurityEvents securityEvents) {
		this.jdbc = jdbc;
		this.securityEvents = securityEvents;
	}

	@Transactional(readOnly = true)
	boolean anyOf(String email) {
		return this.jdbc.sql("""
				select exists (select 1 from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				               where u.name = ?)""").param(email).query(Boolean.class).single();
	}

	@Transactional(readOnly = true)
	List<Passkey> of(String email) {
		return this.jdbc.sql("""
				select c.credential_id, c.label, c.created, c.last_used
				from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				where u.name = ? order by c.created, c.credential_id""")
			.param(email)
			.query((rs, row) -> {
				OffsetDateTime created = instant(rs.getTimestamp(3));
				OffsetDateTime lastUsed = instant(rs.getTimestamp(4));
				// a registration sets both to the same moment
				return new Passkey(rs.getString(1), rs.getString(2), created,
						lastUsed == null || lastUsed.equals(created) ? null : lastUsed);
			})
			.list();
	}

	/** Removes a passkey of this account; empty when the account has no passkey with this id. */
	@Transactional
	Optional<Passkey> remove(Account account, String id) {
		Optional<Passkey> found = of(account.getEmail()).stream().filter(passkey -> passkey.id().equals(id)).findFirst();
		found.ifPresent(passkey -> {
			this.jdbc.sql("delete from user_credentials where credential_id = ?").param(id).update();
			this.securityEvents.record(SecurityEventKind.FACTOR_REMOVED, account.getEmail(), account.getId(),
					detail(passkey.label()));
		});
		return found;
	}

	/** Recorded in the security trail; the label is the owner's own words, kept short. */
	static String detail(String label) {
		String named = "passkey: " + label;
		return named.length() > 120 ? named.substring(0, 119) + "…" : named;
	}

	/** Read as Spring's repository writes it (a local timestamp of this JVM's zone). */
	private static OffsetDateTime instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
	}

	/** Spring Security's repositories, on the tables of migration V20. */
	@Configuration(proxyBeanMethods = false)
	static class Storage {

		@Bean
		PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
			return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
		}

		@Bean
		UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
			return new JdbcUserCredentialRepository(jdbc);
		}
	}
}
