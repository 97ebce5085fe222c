package io.tandem.contracts;

import java.time.Instant;

/**
 * What every Tandem event carries. Implementations are immutable records serialized as JSON.
 */
public interface TandemEvent {

    /** Version of the record's JSON shape; bumped on an incompatible change. */
    int schemaVersion();

    /** Deterministic id derived from what caused the event (see {@link EventIds}): a replay yields the same id. */
    String eventId();

    /** Id of the event (or Intercom notification) that caused this one. */
    String causationId();

    /** The Intercom workspace (app_id). */
    String appId();

    /** The Intercom conversation id; also the Kafka record key. */
    String conversationId();

    /** When the fact this event states happened. */
    Instant occurredAt();

    /** CloudEvents {@code type} of this event, e.g. {@code io.tandem.MessageClassified.v1}. */
    default String cloudEventType() {
        return "io.tandem." + getClass().getSimpleName() + ".v" + schemaVersion();
    }
}
