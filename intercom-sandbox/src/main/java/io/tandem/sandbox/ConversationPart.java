package io.tandem.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One message or event in a conversation (Intercom's {@code conversation_part}).
 *
 * @param body       null for parts without text, e.g. an assignment without a message
 * @param assignedTo whom an assignment part assigned the conversation to, otherwise null
 * @param metadata   a quick reply's buttons, or the button the contact clicked; otherwise null
 * @param state      the conversation's state once this part was added
 */
public record ConversationPart(
        String type,
        String id,
        PartType partType,
        String body,
        long createdAt,
        long updatedAt,
        long notifiedAt,
        Reference assignedTo,
        Author author,
        List<PartAttachment> attachments,
        String externalId,
        boolean redacted,
        PartMetadata metadata,
        ConversationState state) {

    public static ConversationPart of(String id, PartType partType, String body, long createdAt, Author author,
            Reference assignedTo, ConversationState state) {
        return new ConversationPart("conversation_part", id, partType, body, createdAt, createdAt, createdAt,
                assignedTo, author, List.of(), null, false, null, state);
    }

    public ConversationPart with(List<PartAttachment> newAttachments, PartMetadata newMetadata) {
        return new ConversationPart(type, id, partType, body, createdAt, updatedAt, notifiedAt, assignedTo, author,
                List.copyOf(newAttachments), externalId, redacted, newMetadata, state);
    }

    /** The buttons of a quick reply; empty for every other part. */
    @JsonIgnore
    public List<QuickReplyOption> quickReplyOptions() {
        return metadata == null || metadata.quickReplyOptions() == null ? List.of() : metadata.quickReplyOptions();
    }
}
