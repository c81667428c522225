package org.taexchange.accounts;

import java.time.Instant;

/**
 * Too many wrong passwords or codes in a row: the account is locked until that moment. Registered once
 * per lockout (the failures that follow are refused before they are counted).
 *
 * @param email the account's address
 * @param until when it unlocks by itself
 * @param failures how many wrong attempts locked it
 */
record AccountLocked(String email, Instant until, int failures) {
}
