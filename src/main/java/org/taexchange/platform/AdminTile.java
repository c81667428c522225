package org.taexchange.platform;

/**
 * A figure on the coordinator's home page, contributed by a module: e.g. accounts awaiting approval.
 *
 * @param messageKey the message key of its label
 * @param count how many items wait
 * @param link where the coordinator deals with them
 */
public record AdminTile(String messageKey, long count, String link) {
}
