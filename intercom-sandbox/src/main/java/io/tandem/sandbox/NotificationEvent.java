package io.tandem.sandbox;

import java.util.Map;
import java.util.UUID;

/**
 * A webhook notification in Intercom's envelope.
 *
 * @param id               {@code notif_<uuid>}, the same on the retry
 * @param deliveryAttempts 1 on the first delivery, 2 on the retry
 * @param self             always null, as Intercom sends it
 */
public record NotificationEvent(
        String type,
        String appId,
        Data data,
        Map<String, Object> links,
        String id,
        WebhookTopic topic,
        String deliveryStatus,
        int deliveryAttempts,
        long deliveredAt,
        long firstSentAt,
        long createdAt,
        Object self) {

    /** The envelope's {@code data}: the conversation (or admin) as it is after the event. */
    public record Data(String type, Object item) {
    }

    /** @param item a {@link Conversation}, or an {@link Admin} for a change of away mode */
    public static NotificationEvent about(String appId, WebhookTopic topic, Object item, long createdAt) {
        return new NotificationEvent("notification_event", appId, new Data("notification_event_data", item), Map.of(),
                "notif_" + UUID.randomUUID(), topic, "pending", 1, 0, createdAt, createdAt, null);
    }

    public NotificationEvent withDeliveryAttempts(int attempts) {
        return new NotificationEvent(type, appId, data, links, id, topic, deliveryStatus, attempts, deliveredAt,
                firstSentAt, createdAt, self);
    }

    /** The conversation the event is about; null for an admin's away mode. */
    public String conversationId() {
        return data.item() instanceof Conversation conversation ? conversation.id() : null;
    }
}
