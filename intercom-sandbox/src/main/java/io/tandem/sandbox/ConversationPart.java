package io.tandem.sandbox;

import java.util.List;

/**
 * One message or event in a conversation (Intercom's {@code conversation_part}).
 *
 * @param body       null for parts without text, e.g. an assignment without a message
 * @param assignedTo whom an assignment part assigned the conversation to, otherwise null
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
        List<Object> attachments,
        String externalId,
        boolean redacted,
        ConversationState state) {

    public static ConversationPart of(String id, PartType partType, String body, long createdAt, Author author,
            Reference assignedTo, ConversationState state) {
        return new ConversationPart("conversation_part", id, partType, body, createdAt, createdAt, createdAt,
                assignedTo, author, List.of(), null, false, state);
    }
}
