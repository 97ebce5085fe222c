package io.tandem.ingest.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.EventMessages;
import io.tandem.contracts.TandemEvent;
import io.tandem.contracts.Topics;
import io.tandem.contracts.WebhookReceived;
import io.tandem.ingest.config.IngestConfig;

/**
 * Publishes a webhook's events and waits until Kafka acknowledged every one of them (acks=all, idempotent), so the
 * HTTP answer tells Intercom the truth.
 *
 * <p>One plain Kafka producer for both topics, not a messaging channel: the request must learn the outcome Kafka
 * reports for each record (success, or failure once {@code delivery.timeout.ms} ran out) and nothing may be sent
 * after that, whereas a channel re-sends failed records on its own schedule, possibly after the 503 went out.
 * Records carry the same binary CloudEvents headers as {@link EventMessages} gives every Tandem event.
 */
@Startup
@ApplicationScoped
public class WebhookPublisher {

    public static final URI SOURCE = URI.create("tandem:ingest-service");
    private static final Logger LOG = Logger.getLogger(WebhookPublisher.class);
    private static final String JSON = "application/json";

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper;
    private final Duration giveUpAfter;

    public WebhookPublisher(IngestConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        properties.putAll(config.producer());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        this.mapper = mapper;
        // Kafka itself reports every record's outcome within delivery.timeout.ms; this only guards against a bug
        int deliveryTimeoutMs = Integer.parseInt(String.valueOf(properties.getOrDefault(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")));
        this.giveUpAfter = Duration.ofMillis(deliveryTimeoutMs).plus(config.publishTimeoutMargin());
        Thread warmUp = new Thread(this::fetchTopicMetadata, "ingest-producer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Learns the topics' partitions at startup: without them the first webhooks would wait for the metadata within
     * their own request (up to {@code max.block.ms}, then 503).
     */
    private void fetchTopicMetadata() {
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                producer.partitionsFor(Topics.WEBHOOKS_RAW);
                producer.partitionsFor(Topics.CONVERSATION_EVENTS);
                return;
            } catch (RuntimeException notYet) {
                // Kafka not reachable yet: requests fail fast meanwhile, Intercom retries them
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Sends the records at once and blocks until Kafka reported the outcome of each.
     *
     * @throws PublishFailedException when Kafka did not take any of them; one may still have been written (a request
     *                                that timed out in flight), which is why event ids are deterministic
     */
    public void publish(WebhookReceived webhook, Optional<ConversationEvent> event) {
        LogContext.put(webhook.appId(), webhook.conversationId());
        CompletableFuture<Void> raw = send(Topics.WEBHOOKS_RAW, webhook);
        // a raw record refused at once (no metadata: Kafka unreachable) means the event would be too: answer sooner
        List<CompletableFuture<Void>> sends = event.isEmpty() || raw.isCompletedExceptionally() ? List.of(raw)
                : List.of(raw, send(Topics.CONVERSATION_EVENTS, event.get()));
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(giveUpAfter.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("Webhook accepted: notification %s (%s) published", webhook.notificationId(),
                    event.map(published -> published.kind().name()).orElse(webhook.topic()));
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka did not take the events of notification "
                    + webhook.notificationId() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka reported no outcome for the events of notification "
                    + webhook.notificationId() + " within " + giveUpAfter.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        }
    }

    private CompletableFuture<Void> send(String topic, TandemEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, event.conversationId(),
                    mapper.writeValueAsString(event), TraceHeaders.withCurrentContext(cloudEventHeaders(event)));
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (JsonProcessingException e) {
            acknowledged.completeExceptionally(new IllegalStateException("an event is always serializable", e));
        } catch (RuntimeException e) {
            // e.g. no metadata for the topic within max.block.ms: Kafka is unreachable
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /** Binary-mode CloudEvents headers, as SmallRye writes them for {@link EventMessages#toMessage}. */
    private static RecordHeaders cloudEventHeaders(TandemEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.eventId());
        header(headers, "ce_type", event.cloudEventType());
        header(headers, "ce_source", SOURCE.toString());
        header(headers, "ce_subject", event.conversationId());
        header(headers, "ce_datacontenttype", JSON);
        header(headers, "content-type", JSON);
        header(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                event.occurredAt().atZone(ZoneOffset.UTC)));
        header(headers, "ce_" + EventMessages.CAUSATION_ID_EXTENSION, event.causationId());
        header(headers, "ce_" + EventMessages.APP_ID_EXTENSION, event.appId());
        return headers;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
