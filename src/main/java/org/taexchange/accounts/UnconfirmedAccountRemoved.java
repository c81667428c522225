package org.taexchange.accounts;

/**
 * An account whose address was never confirmed is being removed. Published inside the transaction
 * that removes it, before the account's row goes: the modules that keep something of the account
 * (its drafts, its notifications) remove it synchronously, in that transaction, or the removal fails
 * as a whole.
 *
 * @param accountId the account's id
 */
public record UnconfirmedAccountRemoved(long accountId) {
}
