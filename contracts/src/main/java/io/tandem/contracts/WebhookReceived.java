package io.tandem.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * An Intercom webhook as it arrived: the verbatim body and the headers that matter, kept for replay and audit.
 *
 * @param notificationId Intercom's notification id ({@code id} of the envelope)
 * @param topic          Intercom's webhook topic, e.g. {@code conversation.user.created}
 * @param body           the request body, byte for byte as text (UTF-8)
 * @param headers        the headers that matter (content type, signature, user agent), lower-case names
 */
public record WebhookReceived(
        int schemaVersion,
        String eventId,
        String causationId,
        String appId,
        String conversationId,
        Instant occurredAt,
        String notificationId,
        String topic,
        String body,
        Map<String, String> headers) implements TandemEvent {

    public static final int SCHEMA_VERSION = 1;

    public WebhookReceived {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static String idFor(String appId, String notificationId) {
        return EventIds.derive("webhook-received", appId, notificationId);
    }
}
