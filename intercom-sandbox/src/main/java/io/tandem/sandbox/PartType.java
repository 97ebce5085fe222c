package io.tandem.sandbox;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The {@code part_type} of the conversation parts the sandbox writes.
 */
public enum PartType {
    COMMENT,
    NOTE,
    QUICK_REPLY,
    ASSIGNMENT,
    CLOSE,
    OPEN,
    SNOOZED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
