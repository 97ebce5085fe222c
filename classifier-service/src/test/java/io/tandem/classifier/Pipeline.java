package io.tandem.classifier;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tandem.contracts.ConversationMessageReceived;
import io.tandem.contracts.Topics;

/**
 * The service's Kafka surroundings in a test: sends {@link ConversationMessageReceived} records the way
 * ingest-service does and collects what arrives on {@link Topics#CONVERSATION_CLASSIFIED}.
 */
public final class Pipeline implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> classified;
    private final ObjectMapper objectMapper;

    public Pipeline(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.companion = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        this.classified = companion.consumeStrings().fromTopics(Topics.CONVERSATION_CLASSIFIED);
    }

    public KafkaCompanion companion() {
        return companion;
    }

    public static String newConversation() {
        return "conv-" + UUID.randomUUID();
    }

    public static ConversationMessageReceived message(String appId, String conversationId, String text) {
        String partId = "part-" + UUID.randomUUID();
        Instant now = Instant.now();
        return new ConversationMessageReceived(ConversationMessageReceived.SCHEMA_VERSION,
                ConversationMessageReceived.idFor(appId, conversationId, partId), "notif-" + partId, appId,
                conversationId, now, "notif-" + partId, ConversationMessageReceived.Kind.CUSTOMER_REPLIED, partId,
                new ConversationMessageReceived.Author("user", "user-1"), text, now);
    }

    public void send(ConversationMessageReceived event) {
        try {
            sendRaw(event.conversationId(), objectMapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendRaw(String key, String value) {
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, key, value))
                .awaitCompletion(WAIT);
    }

    public List<ConsumerRecord<String, String>> classificationsOf(String conversationId) {
        return classified.getRecords().stream().filter(record -> conversationId.equals(record.key())).toList();
    }

    public List<ConsumerRecord<String, String>> awaitClassifications(String conversationId, int count) {
        await().atMost(WAIT).until(() -> classificationsOf(conversationId).size() >= count);
        return classificationsOf(conversationId);
    }

    /** The classification of a single message sent to a new conversation. */
    public JsonNode classify(String appId, String text) {
        ConversationMessageReceived event = message(appId, newConversation(), text);
        send(event);
        return json(awaitClassifications(event.conversationId(), 1).get(0).value());
    }

    public JsonNode json(String value) {
        try {
            return objectMapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        classified.stop();
        companion.close();
    }
}
