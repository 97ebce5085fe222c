package io.tandem.responder.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /conversations/{id}/parts} assigning the conversation (2.14 schema
 * {@code assign_conversation_request}).
 *
 * @param adminId    the admin performing the assignment
 * @param assigneeId the admin or team the conversation is assigned to; {@link #UNASSIGNED} for nobody
 */
public record Assignment(
        @JsonProperty("message_type") String messageType,
        String type,
        @JsonProperty("admin_id") String adminId,
        @JsonProperty("assignee_id") String assigneeId) {

    /** Intercom's assignee id for the Unassigned inbox. */
    public static final String UNASSIGNED = "0";

    public static Assignment by(String adminId, String assigneeId) {
        return new Assignment("assignment", "admin", adminId, assigneeId);
    }
}
