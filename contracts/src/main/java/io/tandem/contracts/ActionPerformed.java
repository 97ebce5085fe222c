package io.tandem.contracts;

import java.time.Instant;

/**
 * What happened when responder-service performed an action on Intercom.
 *
 * @param type           the kind of action performed
 * @param outcome        whether Intercom took it
 * @param intercomPartId the conversation part Intercom created, when it succeeded
 * @param error          why it failed, when it did (never a secret)
 */
public record ActionPerformed(
        int schemaVersion,
        String eventId,
        String causationId,
        String appId,
        String conversationId,
        Instant occurredAt,
        ActionDecided.Type type,
        Outcome outcome,
        String intercomPartId,
        String error) implements TandemEvent {

    public static final int SCHEMA_VERSION = 1;

    public enum Outcome {
        SUCCEEDED,
        FAILED
    }

    public static String idFor(String actionEventId) {
        return EventIds.derive("action-performed", actionEventId);
    }
}
