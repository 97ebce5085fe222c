package io.tandem.responder.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /conversations/{id}/parts} assigning the conversation ({@code assign_conversation_request}).
 *
 * @param adminId    the admin performing the assignment
 * @param assigneeId the admin or team the conversation is assigned to
 */
public record Assignment(
        @JsonProperty("message_type") String messageType,
        String type,
        @JsonProperty("admin_id") String adminId,
        @JsonProperty("assignee_id") String assigneeId) {

    public static Assignment by(String adminId, String assigneeId) {
        return new Assignment("assignment", "admin", adminId, assigneeId);
    }
}
