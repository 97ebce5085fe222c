package io.tandem.sandbox;

import java.util.List;

/**
 * The parts of a conversation (Intercom's {@code conversation_part.list}).
 */
public record ConversationParts(String type, List<ConversationPart> conversationParts, int totalCount) {

    public static ConversationParts of(List<ConversationPart> parts) {
        return new ConversationParts("conversation_part.list", List.copyOf(parts), parts.size());
    }
}
