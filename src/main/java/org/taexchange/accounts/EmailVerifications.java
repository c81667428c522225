package org.taexchange.accounts;

import org.springframework.data.jpa.repository.JpaRepository;

/** Verification links sent, by the hash of their token. */
interface EmailVerifications extends JpaRepository<EmailVerification, String> {
}
