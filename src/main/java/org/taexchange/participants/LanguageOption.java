package org.taexchange.participants;

/** A working language as a choice: its ISO 639-1 code and its name in the reader's language. */
public record LanguageOption(String code, String name) {
}
