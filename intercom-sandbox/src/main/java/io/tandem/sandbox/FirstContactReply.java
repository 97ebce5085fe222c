package io.tandem.sandbox;

/**
 * When the contact first wrote (Intercom's {@code conversation_first_contact_reply}).
 */
public record FirstContactReply(long createdAt, String type, String url) {

    public static FirstContactReply at(long createdAt) {
        return new FirstContactReply(createdAt, "conversation", null);
    }
}
