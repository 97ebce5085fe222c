package io.tandem.sandbox;

import java.util.List;

/**
 * The message that opened a conversation (Intercom's {@code conversation_source}).
 */
public record ConversationSource(
        String type,
        String id,
        String deliveredAs,
        String subject,
        String body,
        Author author,
        List<Object> attachments,
        String url,
        boolean redacted) {

    /** A message the customer wrote in the Messenger; the body stays plain text, as 2.15+ webhooks carry it. */
    public static ConversationSource fromCustomer(String id, String body, Author author) {
        return new ConversationSource("conversation", id, "customer_initiated", "", body, author, List.of(), null, false);
    }
}
