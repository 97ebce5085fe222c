package io.tandem.ingest;

import java.time.Instant;
import java.util.List;

/**
 * A verified Intercom notification of a topic Tandem acts on, reduced to what Tandem needs.
 *
 * @param appId          the Intercom workspace
 * @param notificationId Intercom's id of the notification; redeliveries carry the same id
 * @param topic          the webhook topic
 * @param conversationId the conversation the notification is about
 * @param createdAt      when Intercom created the notification
 * @param messages       the customer messages it carries (the opening message, or the new customer parts)
 */
public record IntercomNotification(
        String appId,
        String notificationId,
        IntercomTopic topic,
        String conversationId,
        Instant createdAt,
        List<CustomerMessage> messages) {

    public IntercomNotification {
        messages = List.copyOf(messages);
    }
}
