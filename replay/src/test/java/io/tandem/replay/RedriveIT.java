package io.tandem.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.tandem.contracts.Topics;

/** {@code ./tandem replay redrive}: dead letters back into their stage's input, once. */
class RedriveIT {

    @Test
    void deadLettersAreReDrivenIntoTheStageInputOnceWithKeyHeadersAndOriginalBytes() throws Exception {
        LiveStages live = LiveStages.get();
        // drain what earlier runs left, so this test counts its own records only
        live.replay("redrive", "--dlq", Topics.RESPONDER_DLQ);
        String conversation = "dlq-" + UUID.randomUUID();
        String action = "{\"eventId\":\"a-" + conversation + "\",\"type\":\"REPLY\"}";
        String undeserializable = "{\"eventId\":\"b-" + conversation + "\", broken";
        try (KafkaProducer<String, String> producer = live.producer()) {
            ProducerRecord<String, String> readable = new ProducerRecord<>(Topics.RESPONDER_DLQ, conversation, action);
            LiveStages.header(readable, "ce_id", "a-" + conversation);
            LiveStages.header(readable, "ce_appid", LiveStages.APP);
            LiveStages.header(readable, "dead-letter-reason", "Intercom refused the token");
            LiveStages.header(readable, "dead-letter-topic", Topics.CONVERSATION_ACTIONS);
            producer.send(readable).get();
            // SmallRye dead-letters an undeserializable record with a null value and its bytes in a header
            ProducerRecord<String, String> unreadable = new ProducerRecord<>(Topics.RESPONDER_DLQ, conversation, null);
            LiveStages.header(unreadable, "ce_id", "b-" + conversation);
            LiveStages.header(unreadable, "dead-letter-reason", "Cannot deserialize");
            LiveStages.header(unreadable, "deserialization-failure-data", undeserializable);
            producer.send(unreadable).get();
        }

        LiveStages.Run first = live.replay("redrive", "--dlq", Topics.RESPONDER_DLQ);
        LiveStages.Run second = live.replay("redrive", "--dlq", Topics.RESPONDER_DLQ);

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 record(s) re-driven into " + Topics.CONVERSATION_ACTIONS);
        assertThat(second.status()).isZero();
        assertThat(second.out()).contains("0 record(s) re-driven");
        List<ConsumerRecord<String, String>> redriven = live.records(Topics.CONVERSATION_ACTIONS).stream()
                .filter(record -> conversation.equals(record.key())).toList();
        assertThat(redriven).extracting(ConsumerRecord::value).containsExactly(action, undeserializable);
        ConsumerRecord<String, String> readable = redriven.get(0);
        assertThat(header(readable, "ce_id")).isEqualTo("a-" + conversation);
        assertThat(header(readable, "ce_appid")).isEqualTo(LiveStages.APP);
        for (ConsumerRecord<String, String> record : redriven) {
            assertThat(record.headers()).extracting(Header::key)
                    .noneMatch(key -> key.startsWith("dead-letter-") || key.startsWith("deserialization-failure-"));
        }
    }

    @Test
    void aTopicThatIsNoStagesDeadLetterTopicNeedsTheStageNamed() throws Exception {
        LiveStages live = LiveStages.get();

        LiveStages.Run run = live.replay("redrive", "--dlq", Topics.CONVERSATION_ACTION_RESULTS);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("--to-stage");
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
