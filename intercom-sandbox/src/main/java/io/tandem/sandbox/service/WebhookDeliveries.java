package io.tandem.sandbox.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.sandbox.DeliveryAttempt;
import io.tandem.sandbox.NotificationEvent;
import io.tandem.sandbox.WebhookDelivery;

/**
 * The webhooks sent lately and what became of them, oldest first.
 */
@ApplicationScoped
public class WebhookDeliveries {

    static final int KEPT = 1000;

    private final Map<String, WebhookDelivery> byNotificationId = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WebhookDelivery> eldest) {
            return size() > KEPT;
        }
    };

    public synchronized void sending(NotificationEvent event) {
        byNotificationId.put(event.id(), WebhookDelivery.pending(event));
    }

    public synchronized void attempted(String notificationId, DeliveryAttempt attempt) {
        byNotificationId.computeIfPresent(notificationId, (id, delivery) -> delivery.with(attempt));
    }

    public synchronized List<WebhookDelivery> all() {
        return List.copyOf(byNotificationId.values());
    }
}
