package io.tandem.ingest.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.tandem.contracts.ConversationMessageReceived;
import io.tandem.contracts.WebhookReceived;
import io.tandem.ingest.CustomerMessage;
import io.tandem.ingest.IncomingWebhook;
import io.tandem.ingest.IngestOutcome;
import io.tandem.ingest.IntercomNotification;
import io.tandem.ingest.IntercomTopic;
import io.tandem.ingest.Rejection;
import io.tandem.ingest.config.IngestConfig;
import io.tandem.ingest.messaging.PublishFailedException;
import io.tandem.ingest.messaging.WebhookPublisher;
import io.tandem.ingest.service.DeliveryClaims.Claim;

/**
 * Takes an Intercom webhook from the edge to Kafka: verify, parse, de-duplicate, publish.
 *
 * <p>Order of the de-duplication: claim the ids, publish, then mark the claim published; if publishing fails the
 * claim is released so Intercom's retry can succeed. A crash between claim and publish leaves an unpublished claim
 * that another delivery may take over once its lease ran out. A crash after publishing but before completing the
 * claim can publish the same events twice; their ids are deterministic, so consumers drop the copy.
 */
@ApplicationScoped
public class WebhookIngestor {

    private static final Logger LOG = Logger.getLogger(WebhookIngestor.class);

    private final NotificationParser parser;
    private final DeliveryClaims claims;
    private final WebhookPublisher publisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;

    public WebhookIngestor(NotificationParser parser, DeliveryClaims claims, WebhookPublisher publisher,
            IngestMetrics metrics, IngestConfig config) {
        this.parser = parser;
        this.claims = claims;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @throws WebhookRejectedException         when the webhook is refused for good (401, 400)
     * @throws TemporarilyUnavailableException when it could not be taken now (503)
     */
    public IngestOutcome ingest(IncomingWebhook webhook) {
        if (webhook.signature() == null || webhook.signature().isBlank()) {
            throw new WebhookRejectedException(Rejection.MISSING_SIGNATURE, WebhookSignature.HEADER,
                    "the X-Hub-Signature header is missing");
        }
        NotificationParser.Envelope envelope = parser.envelope(webhook.body());
        verifySignature(webhook, envelope.appId());
        String topic = envelope.topic();
        Optional<IntercomTopic> used = IntercomTopic.of(topic);
        if (used.isEmpty()) {
            LOG.debugf("Ignoring notification of topic %s from app %s", topic, envelope.appId());
            metrics.ignored(topic);
            return IngestOutcome.IGNORED;
        }
        return publishOnce(webhook, envelope.notification(used.get()));
    }

    private void verifySignature(IncomingWebhook webhook, String appId) {
        IngestConfig.App app = config.apps().get(appId);
        if (app == null) {
            throw new WebhookRejectedException(Rejection.UNKNOWN_APP, "app_id",
                    "no Intercom app with this app_id is configured");
        }
        if (!WebhookSignature.matches(webhook.body(), app.clientSecret(), webhook.signature())) {
            throw new WebhookRejectedException(Rejection.BAD_SIGNATURE, WebhookSignature.HEADER,
                    "the signature does not match the body");
        }
    }

    private IngestOutcome publishOnce(IncomingWebhook webhook, IntercomNotification notification) {
        Instant receivedAt = Instant.now();
        WebhookReceived received = webhookReceived(webhook, notification, receivedAt);
        Map<String, ConversationMessageReceived> messagesByKey = new LinkedHashMap<>();
        for (CustomerMessage message : notification.messages()) {
            messagesByKey.put(DeliveryClaims.partKey(notification.conversationId(), message.partId()),
                    messageReceived(received, notification, message, receivedAt));
        }
        Claim claim = claim(notification, messagesByKey.keySet());
        switch (claim.status()) {
            case DUPLICATE -> {
                LOG.debugf("Notification %s was published before", notification.notificationId());
                metrics.duplicate("notification");
                return IngestOutcome.DUPLICATE;
            }
            case IN_PROGRESS -> {
                metrics.unavailable("in-progress");
                throw new TemporarilyUnavailableException("another delivery of notification "
                        + notification.notificationId() + " or of its parts is being processed", null);
            }
            case CLAIMED -> {
                // continue below
            }
        }
        List<ConversationMessageReceived> newMessages = new ArrayList<>();
        messagesByKey.forEach((key, message) -> {
            if (claim.holds(key)) {
                newMessages.add(message);
            } else {
                metrics.duplicate("part");
            }
        });
        try {
            publisher.publish(received, newMessages);
        } catch (PublishFailedException e) {
            LOG.warnf("Answering 503 for notification %s: %s", notification.notificationId(), e.getMessage());
            releaseQuietly(claim);
            metrics.unavailable("kafka");
            throw new TemporarilyUnavailableException("Kafka is not accepting events right now", e);
        }
        completeQuietly(claim);
        metrics.accepted(notification.topic().topic());
        LOG.debugf("Published notification %s with %d new message(s)", notification.notificationId(),
                newMessages.size());
        return IngestOutcome.ACCEPTED;
    }

    private Claim claim(IntercomNotification notification, Set<String> partKeys) {
        try {
            return claims.claim(DeliveryClaims.notificationKey(notification.appId(), notification.notificationId()),
                    partKeys);
        } catch (RuntimeException e) {
            LOG.warnf("Answering 503 for notification %s, the database failed: %s", notification.notificationId(),
                    e.getMessage());
            metrics.unavailable("database");
            throw new TemporarilyUnavailableException("the de-duplication store is not available right now", e);
        }
    }

    private static WebhookReceived webhookReceived(IncomingWebhook webhook, IntercomNotification notification,
            Instant receivedAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        putIfPresent(headers, "content-type", webhook.contentType());
        putIfPresent(headers, "x-hub-signature", webhook.signature());
        putIfPresent(headers, "user-agent", webhook.userAgent());
        return new WebhookReceived(WebhookReceived.SCHEMA_VERSION,
                WebhookReceived.idFor(notification.appId(), notification.notificationId()),
                notification.notificationId(), notification.appId(), notification.conversationId(), receivedAt,
                notification.notificationId(), notification.topic().topic(),
                new String(webhook.body(), StandardCharsets.UTF_8), headers);
    }

    private static ConversationMessageReceived messageReceived(WebhookReceived cause, IntercomNotification notification,
            CustomerMessage message, Instant receivedAt) {
        return new ConversationMessageReceived(ConversationMessageReceived.SCHEMA_VERSION,
                ConversationMessageReceived.idFor(notification.appId(), notification.conversationId(),
                        message.partId()),
                cause.eventId(), notification.appId(), notification.conversationId(), message.createdAt(),
                notification.notificationId(), message.kind(), message.partId(), message.author(), message.text(),
                receivedAt);
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private void releaseQuietly(Claim claim) {
        try {
            claims.release(claim);
        } catch (RuntimeException e) {
            // the claim's lease runs out instead, after which a retry may take it over
            LOG.warnf("Could not release the claim on %s: %s", claim.keys(), e.getMessage());
        }
    }

    private void completeQuietly(Claim claim) {
        try {
            claims.complete(claim);
        } catch (RuntimeException e) {
            // published already: a retry after the lease may publish again, consumers drop the copy by event id
            LOG.warnf("Could not mark %s as published: %s", claim.keys(), e.getMessage());
        }
    }
}
