package io.tandem.responder.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of Intercom's conversation answer Tandem reads: the conversation parts.
 */
public record IntercomConversation(
        String id,
        @JsonProperty("conversation_parts") PartList conversationParts) {

    public record PartList(@JsonProperty("conversation_parts") List<Part> conversationParts) {
    }

    public record Part(String id, @JsonProperty("part_type") String partType, @JsonProperty("created_at") Long createdAt) {
    }

    /** Id of the most recently created part (the last one listed among equals), or null when there is none. */
    public String newestPartId() {
        if (conversationParts == null || conversationParts.conversationParts() == null) {
            return null;
        }
        Part newest = null;
        for (Part part : conversationParts.conversationParts()) {
            if (newest == null || createdAt(part) >= createdAt(newest)) {
                newest = part;
            }
        }
        return newest == null ? null : newest.id();
    }

    private static long createdAt(Part part) {
        return part.createdAt() == null ? Long.MIN_VALUE : part.createdAt();
    }
}
