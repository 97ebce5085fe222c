package io.tandem.responder.messaging;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.contracts.Topics;

/**
 * The topics responder-service reads and writes, seen from a test: sends actions, watches results and dead letters.
 */
final class ResponderTopics implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ObjectMapper json;
    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> results;
    private final ConsumerTask<String, String> deadLetters;

    ResponderTopics(ObjectMapper json) {
        this.json = json;
        this.companion = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        this.results = companion.consumeStrings().fromTopics(Topics.CONVERSATION_ACTION_RESULTS);
        this.deadLetters = companion.consumeStrings().fromTopics(Topics.RESPONDER_DLQ);
    }

    void send(ActionDecided action) {
        sendRaw(action.conversationId(), write(action));
    }

    void sendRaw(String key, String value) {
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.CONVERSATION_ACTIONS, key, value))
                .awaitCompletion(TIMEOUT);
    }

    /** Waits for the result of the action and returns its record. */
    ConsumerRecord<String, String> awaitResultRecord(ActionDecided action) {
        return awaitResultRecords(action, 1).get(0);
    }

    /** Waits until {@code count} results of the action were published. */
    List<ConsumerRecord<String, String>> awaitResultRecords(ActionDecided action, int count) {
        String resultId = ActionPerformed.idFor(action.eventId());
        return await().atMost(TIMEOUT).until(
                () -> results.getRecords().stream().filter(r -> resultId.equals(read(r.value()).eventId())).toList(),
                found -> found.size() >= count);
    }

    ActionPerformed awaitResult(ActionDecided action) {
        return read(awaitResultRecord(action).value());
    }

    ConsumerRecord<String, String> awaitDeadLetter(String key) {
        return await().atMost(TIMEOUT).until(
                () -> deadLetters.getRecords().stream().filter(r -> key.equals(r.key())).findFirst(),
                found -> found.isPresent()).orElseThrow();
    }

    /** Every record seen so far on the results and dead letter topics. */
    List<ConsumerRecord<String, String>> everythingPublished() {
        return Stream.concat(results.getRecords().stream(), deadLetters.getRecords().stream())
                .toList();
    }

    ActionPerformed read(String value) {
        try {
            return json.readValue(value, ActionPerformed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not an ActionPerformed: " + value, e);
        }
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        results.stop();
        deadLetters.stop();
        companion.close();
    }
}
