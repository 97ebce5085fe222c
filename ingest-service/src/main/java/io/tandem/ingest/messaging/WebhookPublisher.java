package io.tandem.ingest.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tandem.contracts.ConversationMessageReceived;
import io.tandem.contracts.EventMessages;
import io.tandem.contracts.WebhookReceived;
import io.tandem.ingest.config.IngestConfig;

/**
 * Publishes a webhook's events and waits until Kafka acknowledged every one of them (acks=all), so the HTTP answer
 * tells Intercom the truth.
 */
@ApplicationScoped
public class WebhookPublisher {

    public static final String WEBHOOKS_OUT = "webhooks-out";
    public static final String MESSAGES_OUT = "messages-out";
    public static final URI SOURCE = URI.create("tandem:ingest-service");

    private final MutinyEmitter<WebhookReceived> webhooks;
    private final MutinyEmitter<ConversationMessageReceived> messages;
    private final Duration timeout;

    public WebhookPublisher(@Channel(WEBHOOKS_OUT) MutinyEmitter<WebhookReceived> webhooks,
            @Channel(MESSAGES_OUT) MutinyEmitter<ConversationMessageReceived> messages, IngestConfig config) {
        this.webhooks = webhooks;
        this.messages = messages;
        this.timeout = config.publishTimeout();
    }

    /**
     * Sends all events at once and blocks until each is acknowledged.
     *
     * @throws PublishFailedException when Kafka refused any of them or did not answer in time; some may still have
     *                                been written, which is why event ids are deterministic
     */
    public void publish(WebhookReceived webhook, List<ConversationMessageReceived> customerMessages) {
        List<Uni<Void>> sends = new ArrayList<>();
        sends.add(webhooks.sendMessage(EventMessages.toMessage(webhook, SOURCE)));
        for (ConversationMessageReceived message : customerMessages) {
            sends.add(messages.sendMessage(EventMessages.toMessage(message, SOURCE)));
        }
        try {
            Uni.join().all(sends).andFailFast().replaceWithVoid().await().atMost(timeout);
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge the events of notification "
                    + webhook.notificationId() + " within " + timeout.toMillis() + " ms", e);
        } catch (RuntimeException e) {
            throw new PublishFailedException("Kafka did not take the events of notification "
                    + webhook.notificationId() + ": " + e.getMessage(), e);
        }
    }
}
