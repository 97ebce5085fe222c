package io.tandem.sandbox;

/**
 * No conversation has this id.
 */
public class ConversationNotFoundException extends RuntimeException {

    private final String conversationId;

    public ConversationNotFoundException(String conversationId) {
        super("No conversation " + conversationId);
        this.conversationId = conversationId;
    }

    public String conversationId() {
        return conversationId;
    }
}
