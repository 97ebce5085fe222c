package io.tandem.ingest.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.ConversationEvent.Part;
import io.tandem.contracts.WebhookReceived;
import io.tandem.ingest.BodyFormat;
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
 * <p>Order of the de-duplication: claim the ids, publish, answer, and mark the claim published just after (in
 * batches, {@link ClaimCompleter}); if publishing fails the claim is released so Intercom's retry can succeed. A
 * crash between claim and publish leaves an unpublished claim that another delivery may take over once its lease
 * ran out. A crash after publishing but before completing the claim can publish the same events twice; their ids
 * are deterministic, so consumers drop the copy.
 */
@ApplicationScoped
public class WebhookIngestor {

    private static final Logger LOG = Logger.getLogger(WebhookIngestor.class);

    private final NotificationParser parser;
    private final DeliveryClaims claims;
    private final WebhookPublisher publisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final ClaimCompleter completer;

    public WebhookIngestor(NotificationParser parser, DeliveryClaims claims, WebhookPublisher publisher,
            IngestMetrics metrics, IngestConfig config, ClaimCompleter completer) {
        this.completer = completer;
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
        BodyFormat bodies = config.apps().get(envelope.appId()).bodyFormat();
        return publishOnce(webhook, envelope.notification(used.get(), bodies));
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
        ConversationEvent event = conversationEvent(received, notification, receivedAt);
        // an event without a part is one of a kind: its notification's claim covers it
        Optional<String> partKey = Optional.ofNullable(notification.part())
                .map(part -> DeliveryClaims.partKey(notification.conversationId(), part.id()));
        Claim claim = claim(notification, partKey.stream().toList());
        switch (claim.status()) {
            case DUPLICATE -> {
                LOG.debugf("Notification %s was published before", notification.notificationId());
                metrics.duplicate("notification");
                return IngestOutcome.DUPLICATE;
            }
            case IN_PROGRESS -> {
                metrics.unavailable("in-progress");
                throw new TemporarilyUnavailableException("another delivery of notification "
                        + notification.notificationId() + " or of its part is being processed", null);
            }
            case CLAIMED -> {
                // continue below
            }
        }
        boolean partPublishedBefore = partKey.isPresent() && !claim.holds(partKey.get());
        if (partPublishedBefore) {
            metrics.duplicate("part");
        }
        try {
            publisher.publish(received, partPublishedBefore ? Optional.empty() : Optional.of(event));
        } catch (PublishFailedException e) {
            LOG.warnf("Answering 503 for notification %s: %s", notification.notificationId(), e.getMessage());
            releaseQuietly(claim);
            metrics.unavailable("kafka");
            throw new TemporarilyUnavailableException("Kafka is not accepting events right now", e);
        }
        completer.published(claim);
        metrics.accepted(notification.topic().topic());
        LOG.debugf("Published notification %s (%s)", notification.notificationId(), event.kind());
        return IngestOutcome.ACCEPTED;
    }

    private Claim claim(IntercomNotification notification, List<String> partKeys) {
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

    private ConversationEvent conversationEvent(WebhookReceived cause, IntercomNotification notification,
            Instant receivedAt) {
        Part part = notification.part();
        String idPart = part != null ? part.id() : notification.notificationId();
        return new ConversationEvent(ConversationEvent.SCHEMA_VERSION,
                ConversationEvent.idFor(notification.appId(), notification.conversationId(), idPart),
                cause.eventId(), notification.appId(), notification.conversationId(), notification.occurredAt(),
                notification.notificationId(), notification.topic().topic(), notification.topic().kind(), part,
                notification.owner(), notification.state(), authoredByTandem(notification.appId(), part), receivedAt);
    }

    /** Whether the part's author is the admin Tandem acts as in that workspace (loop protection). */
    private boolean authoredByTandem(String appId, Part part) {
        if (part == null || part.author() == null || !"admin".equals(part.author().type())) {
            return false;
        }
        Optional<String> botAdminId = config.apps().get(appId).botAdminId();
        return botAdminId.isPresent() && botAdminId.get().equals(part.author().id());
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
}
