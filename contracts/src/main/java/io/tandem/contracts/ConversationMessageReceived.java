package io.tandem.contracts;

import java.time.Instant;

/**
 * A customer's message in an Intercom conversation, normalized from a webhook.
 *
 * @param notificationId the Intercom notification that carried it
 * @param kind           whether it opened the conversation or replied in it
 * @param partId         Intercom's id of the message (conversation source or part id)
 * @param author         who wrote it
 * @param text           the message as plain text (HTML tags removed, entities decoded)
 * @param receivedAt     when Tandem received the webhook
 */
public record ConversationMessageReceived(
        int schemaVersion,
        String eventId,
        String causationId,
        String appId,
        String conversationId,
        Instant occurredAt,
        String notificationId,
        Kind kind,
        String partId,
        Author author,
        String text,
        Instant receivedAt) implements TandemEvent {

    public static final int SCHEMA_VERSION = 1;

    public enum Kind {
        CONVERSATION_STARTED,
        CUSTOMER_REPLIED
    }

    /** An Intercom author: {@code type} is user, lead, contact, admin or bot. */
    public record Author(String type, String id) {
    }

    public static String idFor(String appId, String conversationId, String partId) {
        return EventIds.derive("conversation-message-received", appId, conversationId, partId);
    }
}
