package io.tandem.responder.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /conversations/{id}/reply} on behalf of an admin ({@code admin_reply_conversation_request}).
 */
public record AdminReply(
        @JsonProperty("message_type") String messageType,
        String type,
        @JsonProperty("admin_id") String adminId,
        String body) {

    /** A reply the customer sees. */
    public static AdminReply comment(String adminId, String body) {
        return new AdminReply("comment", "admin", adminId, body);
    }

    /** A note only teammates see. */
    public static AdminReply note(String adminId, String body) {
        return new AdminReply("note", "admin", adminId, body);
    }
}
