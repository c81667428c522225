package org.taexchange.participants;

/** A participant as offered in a choice list: its code and its name in the reader's language. */
public record ParticipantOption(String code, String name) {
}
