package io.tandem.sandbox;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Intercom's conversation {@code state}.
 */
public enum ConversationState {
    OPEN,
    CLOSED,
    SNOOZED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
