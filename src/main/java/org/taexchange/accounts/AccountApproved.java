package org.taexchange.accounts;

/** A coordinator approved an account: its owner may now submit requests or offers. */
public record AccountApproved(String email) {
}
