package io.tandem.sandbox.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tandem.sandbox.Admin;
import io.tandem.sandbox.Conversation;
import io.tandem.sandbox.DeliveryAttempt;
import io.tandem.sandbox.NotificationEvent;
import io.tandem.sandbox.WebhookTopic;
import io.tandem.sandbox.client.WebhookEndpointClient;
import io.tandem.sandbox.config.SandboxConfig;

/**
 * Sends signed webhooks in the background, like Intercom: a receiver that fails or does not answer gets one retry
 * after {@code tandem.sandbox.webhook-retry-delay}. Whoever caused the event never waits for the delivery.
 */
@ApplicationScoped
public class WebhookNotifier {

    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class);
    private static final int LAST_ATTEMPT = 2;

    private final WebhookEndpointClient endpoint;
    private final WebhookSigner signer;
    private final WebhookDeliveries deliveries;
    private final ObjectMapper json;
    private final SandboxConfig config;

    WebhookNotifier(@RestClient WebhookEndpointClient endpoint, WebhookSigner signer, WebhookDeliveries deliveries,
            ObjectMapper json, SandboxConfig config) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.deliveries = deliveries;
        this.json = json;
        this.config = config;
    }

    /** Sends a notification about {@code item}, the conversation as the webhook shows it. */
    public void announce(WebhookTopic topic, Conversation item) {
        send(topic, item);
    }

    /** Sends a notification that the admin went away or came back ({@code admin.away_mode_updated}). */
    public void announce(WebhookTopic topic, Admin admin) {
        send(topic, admin);
    }

    private void send(WebhookTopic topic, Object item) {
        NotificationEvent event = NotificationEvent.about(config.appId(), topic, item, Instant.now().getEpochSecond());
        deliveries.sending(event);
        deliver(event, 1);
    }

    private void deliver(NotificationEvent event, int attempt) {
        byte[] body = serialize(event.withDeliveryAttempts(attempt));
        endpoint.deliver(signer.signatureOf(body), body).subscribe().with(
                response -> outcome(event, new DeliveryAttempt(attempt, response.getStatus(),
                        response.getStatus() / 100 == 2 ? null : "status " + response.getStatus(), Instant.now())),
                failure -> outcome(event, new DeliveryAttempt(attempt, statusOf(failure), describe(failure),
                        Instant.now())));
    }

    private void outcome(NotificationEvent event, DeliveryAttempt attempt) {
        deliveries.attempted(event.id(), attempt);
        if (attempt.succeeded()) {
            LOG.debugf("Webhook %s (%s) delivered on attempt %d", event.id(), event.topic().topic(),
                    attempt.attempt());
        } else if (attempt.attempt() < LAST_ATTEMPT) {
            LOG.warnf("Webhook %s (%s) not taken by %s: %s; retrying once in %s", event.id(), event.topic().topic(),
                    config.webhookUrl(), attempt.error(), config.webhookRetryDelay());
            Uni.createFrom().voidItem().onItem().delayIt().by(config.webhookRetryDelay())
                    .subscribe().with(ignored -> deliver(event, attempt.attempt() + 1));
        } else {
            LOG.warnf("Webhook %s (%s) not taken by %s on the retry either: %s; giving up", event.id(),
                    event.topic().topic(), config.webhookUrl(), attempt.error());
        }
    }

    private static Integer statusOf(Throwable failure) {
        // the REST client turns a 4xx or 5xx answer into an exception that still carries the response
        return failure instanceof WebApplicationException rejected ? rejected.getResponse().getStatus() : null;
    }

    private static String describe(Throwable failure) {
        Integer status = statusOf(failure);
        return status != null ? "status " + status : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private byte[] serialize(NotificationEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write notification " + event.id(), e);
        }
    }
}
