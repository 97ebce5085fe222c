package io.tandem.ingest.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
 * HTTP answer tells Intercom the truth. Nothing blocks while Kafka works on it: the request's answer is completed by
 * the producer's callbacks.
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

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper mapper;
    private final Duration giveUpAfter;
    private volatile boolean metadataKnown;
    private volatile boolean closed;

    public WebhookPublisher(IngestConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        properties.putAll(config.producer());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // values are serialized straight to UTF-8 bytes: no intermediate String to build and encode again
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
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
     * Learns the topics' partitions, at startup and until Kafka answered: without them a send blocks for up to
     * {@code max.block.ms}. Until then webhooks are answered 503 at once (Intercom retries them).
     */
    private void fetchTopicMetadata() {
        while (!closed) {
            try {
                producer.partitionsFor(Topics.WEBHOOKS_RAW);
                producer.partitionsFor(Topics.CONVERSATION_EVENTS);
                metadataKnown = true;
                return;
            } catch (RuntimeException notYet) {
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
     * The records of a webhook, serialized: done on the request's thread, so that {@link #publish} only hands them
     * to the producer.
     */
    public Records records(WebhookReceived webhook, ConversationEvent event) {
        return new Records(webhook.notificationId(), record(Topics.WEBHOOKS_RAW, webhook),
                record(Topics.CONVERSATION_EVENTS, event),
                LogContext.capture(webhook.appId(), webhook.conversationId(), event.kind().name()));
    }

    /**
     * Sends the raw record and, when {@code withEvent}, the event record at once, without blocking (the producer's
     * topic metadata is known; until then this fails at once).
     *
     * @return completes when Kafka acknowledged each (acks=all); fails with {@link PublishFailedException} when Kafka
     *         did not take any of them, within {@code delivery.timeout.ms}. One may still have been written (a request
     *         that timed out in flight), which is why event ids are deterministic.
     */
    public CompletableFuture<Void> publish(Records records, boolean withEvent) {
        if (!metadataKnown) {
            return CompletableFuture.failedFuture(new PublishFailedException("Kafka has not answered since the start"
                    + " (no topic metadata): the events of notification " + records.notificationId()
                    + " were not sent", null));
        }
        CompletableFuture<Void> raw = send(records.raw());
        // a raw record refused at once means the event would be too: answer sooner
        CompletableFuture<Void> all = !withEvent || raw.isCompletedExceptionally() ? raw
                : CompletableFuture.allOf(raw, send(records.event()));
        CompletableFuture<Void> published = new CompletableFuture<>();
        all.orTimeout(giveUpAfter.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
            if (failure == null) {
                records.logContext().log(() -> LOG.infof("Webhook accepted: notification %s (%s) published",
                        records.notificationId(), records.logContext().what()));
                published.complete(null);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                published.completeExceptionally(cause instanceof TimeoutException
                        ? new PublishFailedException("Kafka reported no outcome for the events of notification "
                                + records.notificationId() + " within " + giveUpAfter.toMillis() + " ms", cause)
                        : new PublishFailedException("Kafka did not take the events of notification "
                                + records.notificationId() + ": " + cause.getMessage(), cause));
            }
        });
        return published;
    }

    private ProducerRecord<String, byte[]> record(String topic, TandemEvent event) {
        try {
            return new ProducerRecord<>(topic, null, event.conversationId(), mapper.writeValueAsBytes(event),
                    TraceHeaders.withCurrentContext(cloudEventHeaders(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event is always serializable", e);
        }
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        boolean[] returned = {false};
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                    return;
                }
                if (!returned[0] && failure instanceof org.apache.kafka.common.errors.TimeoutException) {
                    // refused within send() after max.block.ms: no metadata (or no buffer) and Kafka does not answer
                    stopSendingUntilKafkaAnswers();
                }
                acknowledged.completeExceptionally(failure);
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        returned[0] = true;
        return acknowledged;
    }

    /**
     * One send waited {@code max.block.ms} for Kafka (e.g. the topic's metadata was dropped while a broker restarted):
     * the next webhooks are answered 503 at once until the metadata is back, instead of each one waiting as long.
     */
    private synchronized void stopSendingUntilKafkaAnswers() {
        if (!metadataKnown) {
            return;
        }
        metadataKnown = false;
        Thread fetch = new Thread(this::fetchTopicMetadata, "ingest-producer-metadata");
        fetch.setDaemon(true);
        fetch.start();
    }

    /** A webhook's records: the raw webhook, and its event (sent unless its part was published before). */
    public record Records(String notificationId, ProducerRecord<String, byte[]> raw,
            ProducerRecord<String, byte[]> event, LogContext logContext) {
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
        closed = true;
        producer.close(Duration.ofSeconds(5));
    }
}
