package org.taexchange.participants;

/** An expertise area as a choice: its code and its name in the reader's language. */
public record AreaOption(String code, String name) {
}
