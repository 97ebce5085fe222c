package io.tandem.router.messaging;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.Topics;

/** The router's topics as the tests see them: MessageClassified in, ActionDecided and dead letters out. */
final class Pipeline implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Partitions of each pipeline topic in the tests' Kafka (TopicCreator). */
    static final int TOPIC_PARTITIONS = 3;
    static final String MESSAGE_CLASSIFIED_TYPE = "io.tandem.MessageClassified.v" + MessageClassified.SCHEMA_VERSION;

    private final ObjectMapper objectMapper;
    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> actions;
    private final ConsumerTask<String, String> deadLetters;

    Pipeline(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.companion = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        this.actions = companion.consumeStrings().fromTopics(Topics.CONVERSATION_ACTIONS);
        this.deadLetters = companion.consumeStrings().fromTopics(Topics.ROUTER_DLQ);
    }

    void produce(MessageClassified message) {
        produce(message, MESSAGE_CLASSIFIED_TYPE);
    }

    /** As classifier-service sends it: JSON value, keyed by conversation, CloudEvents binary-mode headers. */
    void produce(MessageClassified message, String cloudEventType) {
        RecordHeaders headers = new RecordHeaders();
        Map.of("ce_specversion", "1.0",
                "ce_id", message.eventId(),
                "ce_type", cloudEventType,
                "ce_source", "tandem:classifier-service",
                "content-type", "application/json")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            produceRaw(new ProducerRecord<>(Topics.CONVERSATION_CLASSIFIED, null, message.conversationId(),
                    objectMapper.writeValueAsString(message), headers));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    void produceRaw(ProducerRecord<String, String> record) {
        companion.produceStrings().fromRecords(record).awaitCompletion();
    }

    /** Waits for at least {@code count} actions in the conversation and returns all of them so far. */
    List<ActionDecided> awaitActions(String conversationId, int count) {
        await().atMost(TIMEOUT).until(() -> recordsOf(conversationId).size() >= count);
        return actionsOf(conversationId);
    }

    List<ActionDecided> actionsOf(String conversationId) {
        return recordsOf(conversationId).stream().map(this::parse).toList();
    }

    List<ConsumerRecord<String, String>> recordsOf(String conversationId) {
        return actions.getRecords().stream().filter(record -> conversationId.equals(record.key())).toList();
    }

    List<ConsumerRecord<String, String>> deadLettersOf(String conversationId) {
        return deadLetters.getRecords().stream().filter(record -> conversationId.equals(record.key())).toList();
    }

    private ActionDecided parse(ConsumerRecord<String, String> record) {
        try {
            return objectMapper.readValue(record.value(), ActionDecided.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not an ActionDecided: " + record.value(), e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        actions.stop();
        deadLetters.stop();
        companion.close();
    }

    /**
     * Waits until router-service's consumers of {@code conversation.classified} (one per partition with
     * {@code concurrency}) own every partition of the topic between them: the first join of the group can take a
     * while on a fresh broker.
     */
    static void awaitPartitionsAssigned(KafkaClientService kafkaClients) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            int partitions = kafkaClients.getConsumerChannels().stream()
                    .filter(channel -> channel.equals(ClassifiedMessageConsumer.CLASSIFIED_IN)
                            || channel.startsWith(ClassifiedMessageConsumer.CLASSIFIED_IN + "$"))
                    .flatMap(channel -> kafkaClients.<Object, Object> getConsumers(channel).stream())
                    .mapToInt(consumer -> consumer.getAssignments().await().indefinitely().size())
                    .sum();
            return partitions == TOPIC_PARTITIONS;
        });
    }
}
