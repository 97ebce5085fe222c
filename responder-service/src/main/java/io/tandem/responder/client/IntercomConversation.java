package io.tandem.responder.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of Intercom's conversation (2.14 schema {@code conversation}) Tandem reads: its channel, assignees and
 * parts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntercomConversation(
        String id,
        Source source,
        @JsonProperty("admin_assignee_id") String adminAssigneeId,
        @JsonProperty("team_assignee_id") String teamAssigneeId,
        @JsonProperty("conversation_parts") PartList conversationParts) {

    /** The channel type of Messenger conversations, the one that shows quick-reply buttons. */
    public static final String MESSENGER = "conversation";

    public IntercomConversation(String id, PartList conversationParts) {
        this(id, null, null, null, conversationParts);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String type, @JsonProperty("delivered_as") String deliveredAs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartList(@JsonProperty("conversation_parts") List<Part> conversationParts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(String id, @JsonProperty("part_type") String partType, String body,
            @JsonProperty("created_at") Long createdAt, Author author) {

        public Part(String id, String partType, Long createdAt) {
            this(id, partType, null, createdAt, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String type, String id) {
    }

    /** The parts, oldest first as Intercom lists them; empty when there are none. */
    public List<Part> parts() {
        return conversationParts == null || conversationParts.conversationParts() == null
                ? List.of()
                : conversationParts.conversationParts();
    }

    /** Whether the conversation's channel shows quick-reply buttons (Messenger does; email, SMS and others do not). */
    public boolean showsQuickReplies() {
        return source != null && MESSENGER.equals(source.type());
    }

    /** Id of the most recently created part (the last one listed among equals), or null when there is none. */
    public String newestPartId() {
        Part newest = null;
        for (Part part : parts()) {
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
