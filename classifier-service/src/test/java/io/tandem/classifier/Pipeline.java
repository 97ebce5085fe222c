package io.tandem.classifier;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.ConversationEvent.Author;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.ConversationEvent.Part;
import io.tandem.contracts.Topics;

/**
 * The service's Kafka surroundings in a test: sends {@link ConversationEvent} records the way ingest-service does
 * and collects what arrives on {@link Topics#CONVERSATION_CLASSIFIED}. One per test JVM, shared by every test
 * class ({@link #get()}); tests tell their records apart by conversation id, which each test makes up anew.
 */
public final class Pipeline {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private static Pipeline shared;

    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> classified;
    private final ObjectMapper objectMapper;

    private Pipeline() {
        this.objectMapper = Arc.container().instance(ObjectMapper.class).get();
        this.companion = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        this.classified = companion.consumeStrings().fromTopics(Topics.CONVERSATION_CLASSIFIED);
    }

    /** The pipeline of the running test application, connected on first use; the test JVM ending ends it. */
    public static synchronized Pipeline get() {
        if (shared == null) {
            shared = new Pipeline();
        }
        return shared;
    }

    public KafkaCompanion companion() {
        return companion;
    }

    public static String newConversation() {
        return "conv-" + UUID.randomUUID();
    }

    /** A customer's reply in a conversation, as ingest-service publishes it. */
    public static ConversationEvent message(String appId, String conversationId, String text) {
        return event(appId, conversationId, Kind.CUSTOMER_REPLIED, "comment", new Author("user", "user-1", "Ada"),
                text, false);
    }

    /** An event of any kind; its part is written by {@code author}. */
    public static ConversationEvent event(String appId, String conversationId, Kind kind, String partType,
            Author author, String text, boolean authoredByTandem) {
        String partId = "part-" + UUID.randomUUID();
        Instant now = Instant.now();
        return new ConversationEvent(ConversationEvent.SCHEMA_VERSION,
                ConversationEvent.idFor(appId, conversationId, partId), "notif-" + partId, appId, conversationId,
                now, "notif-" + partId, "conversation.user.replied", kind,
                new Part(partId, partType, author, text, List.of(), now), Owner.UNASSIGNED, "open", authoredByTandem,
                now);
    }

    public void send(ConversationEvent event) {
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

    /** The MessageClassified caused by {@code event}, once it arrives. */
    public JsonNode awaitClassificationOf(ConversationEvent event) {
        await().atMost(WAIT).until(() -> find(event).isPresent());
        return json(find(event).orElseThrow().value());
    }

    private Optional<ConsumerRecord<String, String>> find(ConversationEvent event) {
        return classificationsOf(event.conversationId()).stream()
                .filter(record -> event.eventId().equals(json(record.value()).path("causationId").asText()))
                .findFirst();
    }

    /** The MessageClassified of a single message sent to a new conversation. */
    public JsonNode classify(String appId, String text) {
        ConversationEvent event = message(appId, newConversation(), text);
        send(event);
        return awaitClassificationOf(event);
    }

    /** A conversation with one customer, turn after turn. */
    public Conversation conversation(String appId) {
        return new Conversation(appId, newConversation());
    }

    public final class Conversation {

        private final String appId;
        private final String id;

        Conversation(String appId, String id) {
            this.appId = appId;
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Sends the customer's message and returns its {@code classification}. */
        public JsonNode says(String text) {
            ConversationEvent event = message(appId, id, text);
            send(event);
            return awaitClassificationOf(event).path("classification");
        }
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

    /** The texts of a classification's text responses. */
    public static List<String> texts(JsonNode classification) {
        List<String> texts = new ArrayList<>();
        classification.path("responses").forEach(response -> {
            if ("text".equals(response.path("type").asText())) {
                texts.add(response.path("text").asText());
            }
        });
        return texts;
    }

    private void close() {
        classified.stop();
        companion.close();
    }
}
