package io.tandem.contracts;

import java.time.Instant;
import java.util.List;

/**
 * One action router-service decided, for responder-service to perform on Intercom. The actions decided for one
 * cause are published in order with {@link #index()} 0..{@code count-1}; responder performs a conversation's
 * actions in that order.
 *
 * @param index     the position of this action among those decided for the same cause
 * @param count     how many actions were decided for the same cause
 * @param type      the kind of action
 * @param adminId   the Intercom admin Tandem acts as (the author of replies and notes, the assigner)
 * @param responses what to reply (REPLY): rendered dialog responses, not yet escaped
 * @param body      the note's text (NOTE), plain text, not yet escaped
 * @param assignee  whom to assign the conversation to (ASSIGN); {@link Assignee#UNASSIGNED} for the
 *                  Unassigned inbox
 * @param reason    why the rule chose this, for people reading the audit trail
 */
public record ActionDecided(
        int schemaVersion,
        String eventId,
        String causationId,
        String appId,
        String conversationId,
        Instant occurredAt,
        int index,
        int count,
        Type type,
        String adminId,
        List<Response> responses,
        String body,
        Assignee assignee,
        String reason) implements TandemEvent {

    public static final int SCHEMA_VERSION = 2;

    public ActionDecided {
        responses = responses == null ? List.of() : List.copyOf(responses);
    }

    public enum Type {
        REPLY,
        NOTE,
        ASSIGN
    }

    /** An Intercom admin or team, or nobody (the Unassigned inbox). */
    public record Assignee(AssigneeType type, String id) {

        public static final Assignee UNASSIGNED = new Assignee(AssigneeType.UNASSIGNED, null);

        public static Assignee admin(String id) {
            return new Assignee(AssigneeType.ADMIN, id);
        }

        public static Assignee team(String id) {
            return new Assignee(AssigneeType.TEAM, id);
        }
    }

    public enum AssigneeType {
        ADMIN,
        TEAM,
        UNASSIGNED
    }

    public static String idFor(String causationId, int index) {
        return EventIds.derive("action-decided", causationId, Integer.toString(index));
    }
}
