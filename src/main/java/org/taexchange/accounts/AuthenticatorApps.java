package org.taexchange.accounts;

import org.springframework.data.jpa.repository.JpaRepository;

/** The authenticator apps accounts set up, by account id. */
interface AuthenticatorApps extends JpaRepository<AuthenticatorApp, Long> {
}
