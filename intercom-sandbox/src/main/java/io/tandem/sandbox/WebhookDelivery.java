package io.tandem.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of one webhook the sandbox sent, for {@code GET /sandbox/webhooks}.
 *
 * @param statusCode the receiver's answer to the latest attempt, null before the first answer or when unreachable
 * @param delivered  whether an attempt got a 2xx answer
 */
public record WebhookDelivery(
        String notificationId,
        WebhookTopic topic,
        String conversationId,
        Instant createdAt,
        Integer statusCode,
        boolean delivered,
        List<DeliveryAttempt> attempts) {

    public static WebhookDelivery pending(NotificationEvent event) {
        return new WebhookDelivery(event.id(), event.topic(), event.conversationId(),
                Instant.ofEpochSecond(event.createdAt()), null, false, List.of());
    }

    public WebhookDelivery with(DeliveryAttempt attempt) {
        List<DeliveryAttempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        return new WebhookDelivery(notificationId, topic, conversationId, createdAt, attempt.statusCode(),
                delivered || attempt.succeeded(), List.copyOf(all));
    }
}
