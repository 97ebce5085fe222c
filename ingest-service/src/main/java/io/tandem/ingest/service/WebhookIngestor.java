package io.tandem.ingest.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

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
    private final RecentlyPublished recentlyPublished;

    public WebhookIngestor(NotificationParser parser, DeliveryClaims claims, WebhookPublisher publisher,
            IngestMetrics metrics, IngestConfig config, ClaimCompleter completer,
            RecentlyPublished recentlyPublished) {
        this.completer = completer;
        this.recentlyPublished = recentlyPublished;
        this.parser = parser;
        this.claims = claims;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Verifies, parses and de-duplicates the webhook and publishes it. Runs on the HTTP event loop up to the claim;
     * nothing blocks: the answer is completed by the claim batcher and Kafka's callbacks.
     *
     * @throws WebhookRejectedException when the webhook is refused for good (401, 400)
     * @return fails with {@link TemporarilyUnavailableException} when the webhook could not be taken now (503)
     */
    public CompletionStage<IngestOutcome> ingest(IncomingWebhook webhook) {
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
            return CompletableFuture.completedFuture(IngestOutcome.IGNORED);
        }
        String notificationKey = DeliveryClaims.notificationKey(envelope.appId(), envelope.notificationId());
        if (recentlyPublished.contains(notificationKey)) {
            // published by this replica (or known so from PostgreSQL) lately: not normalized again, and no need to
            // ask PostgreSQL
            return CompletableFuture.completedFuture(duplicate(envelope.notificationId()));
        }
        BodyFormat bodies = config.apps().get(envelope.appId()).bodyFormat();
        return publishOnce(webhook, envelope.notification(used.get(), bodies), notificationKey);
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

    private CompletionStage<IngestOutcome> publishOnce(IncomingWebhook webhook, IntercomNotification notification,
            String notificationKey) {
        Instant receivedAt = Instant.now();
        WebhookReceived received = webhookReceived(webhook, notification, receivedAt);
        ConversationEvent event = conversationEvent(received, notification, receivedAt);
        WebhookPublisher.Records records = publisher.records(received, event);
        // an event without a part is one of a kind: its notification's claim covers it
        Optional<String> partKey = Optional.ofNullable(notification.part())
                .map(part -> DeliveryClaims.partKey(notification.conversationId(), part.id()));
        return claims.claimAsync(notificationKey, partKey.stream().toList())
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    LOG.warnf("Answering 503 for notification %s, the database failed: %s",
                            notification.notificationId(), cause.getMessage());
                    metrics.unavailable("database");
                    throw new TemporarilyUnavailableException("the de-duplication store is not available right now",
                            cause);
                })
                .thenCompose(claim -> switch (claim.status()) {
                    case DUPLICATE -> CompletableFuture.completedFuture(duplicate(notification.notificationId()));
                    case IN_PROGRESS -> {
                        metrics.unavailable("in-progress");
                        throw new TemporarilyUnavailableException("another delivery of notification "
                                + notification.notificationId() + " or of its part is being processed", null);
                    }
                    case CLAIMED -> publish(notification, records, claim,
                            partKey.isPresent() && !claim.holds(partKey.get()));
                });
    }

    private IngestOutcome duplicate(String notificationId) {
        LOG.debugf("Notification %s was published before", notificationId);
        metrics.duplicate("notification");
        return IngestOutcome.DUPLICATE;
    }

    private CompletionStage<IngestOutcome> publish(IntercomNotification notification, WebhookPublisher.Records records,
            Claim claim, boolean partPublishedBefore) {
        if (partPublishedBefore) {
            metrics.duplicate("part");
        }
        return publisher.publish(records, !partPublishedBefore)
                .exceptionallyCompose(failure -> releasedAfterFailure(notification, claim, failure))
                .thenApply(published -> {
                    completer.published(claim);
                    metrics.accepted(notification.topic().topic());
                    LOG.debugf("Published notification %s (%s)", notification.notificationId(),
                            notification.topic().kind());
                    return IngestOutcome.ACCEPTED;
                });
    }

    /** Releases the claim before the answer, so that Intercom's retry finds the ids free; then fails with 503. */
    private CompletionStage<Void> releasedAfterFailure(IntercomNotification notification, Claim claim,
            Throwable failure) {
        LOG.warnf("Answering 503 for notification %s: %s", notification.notificationId(), failure.getMessage());
        metrics.unavailable("kafka");
        TemporarilyUnavailableException unavailable = new TemporarilyUnavailableException(
                "Kafka is not accepting events right now", failure);
        return claims.releaseAsync(claim).handle((released, releaseFailure) -> {
            if (releaseFailure != null) {
                // the claim's lease runs out instead, after which a retry may take it over
                LOG.warnf("Could not release the claim on %s: %s", claim.keys(), releaseFailure.getMessage());
            }
            throw unavailable;
        });
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
}
