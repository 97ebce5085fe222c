package io.tandem.contracts;

import java.time.Instant;

/**
 * What Tandem decided to do in a conversation, for responder-service to perform.
 *
 * @param type     the kind of action
 * @param body     the reply or note text (REPLY, NOTE)
 * @param assignee whom to assign the conversation to (ASSIGN)
 * @param reason   why the rule chose this, for people reading the audit trail
 */
public record ActionDecided(
        int schemaVersion,
        String eventId,
        String causationId,
        String appId,
        String conversationId,
        Instant occurredAt,
        Type type,
        String body,
        Assignee assignee,
        String reason) implements TandemEvent {

    public static final int SCHEMA_VERSION = 1;

    public enum Type {
        REPLY,
        NOTE,
        ASSIGN
    }

    /** An Intercom admin or team. */
    public record Assignee(AssigneeType type, String id) {
    }

    public enum AssigneeType {
        ADMIN,
        TEAM
    }

    /** @param index the position of this action among those decided for the same cause */
    public static String idFor(String causationId, int index) {
        return EventIds.derive("action-decided", causationId, Integer.toString(index));
    }
}
