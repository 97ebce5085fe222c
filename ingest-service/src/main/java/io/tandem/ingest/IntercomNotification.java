package io.tandem.ingest;

import java.time.Instant;

import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.ConversationEvent.Part;

/**
 * A verified Intercom notification of a topic Tandem acts on, reduced to what Tandem needs.
 *
 * @param appId          the Intercom workspace
 * @param notificationId Intercom's id of the notification; redeliveries carry the same id
 * @param topic          the webhook topic
 * @param conversationId the conversation the notification is about
 * @param createdAt      when Intercom created the notification
 * @param part           the part the notification is about (the opening message, the newest reply, note,
 *                       assignment, ...), or null when it carries none
 * @param owner          the admin and team assigned after this notification
 * @param state          the conversation's state ({@code open}, {@code closed}, {@code snoozed}), or null when the
 *                       payload does not say
 */
public record IntercomNotification(
        String appId,
        String notificationId,
        IntercomTopic topic,
        String conversationId,
        Instant createdAt,
        Part part,
        Owner owner,
        String state) {

    public IntercomNotification {
        owner = owner == null ? Owner.UNASSIGNED : owner;
    }

    /** When what the notification states happened: the part's time, else the notification's. */
    public Instant occurredAt() {
        return part != null && part.createdAt() != null ? part.createdAt() : createdAt;
    }
}
