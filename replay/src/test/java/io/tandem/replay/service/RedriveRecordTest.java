package io.tandem.replay.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class RedriveRecordTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReDrivenRecordKeepsKeyAndHeadersButNotTheDeadLetterOnes() {
        ConsumerRecord<String, byte[]> dead = new ConsumerRecord<>("conversation.events.classifier-dlq", 0, 7, "c-1",
                bytes("{\"eventId\":\"e\"}"));
        dead.headers().add("ce_id", bytes("e")).add("dead-letter-reason", bytes("boom"))
                .add("dead-letter-topic", bytes("conversation.events"));

        ProducerRecord<String, byte[]> again = Redrive.redriven(dead, "conversation.events");

        assertThat(again.topic()).isEqualTo("conversation.events");
        assertThat(again.key()).isEqualTo("c-1");
        assertThat(new String(again.value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"e\"}");
        assertThat(again.headers()).extracting(Header::key).containsExactly("ce_id");
    }

    @Test
    void anUndeserializableRecordGoesBackWithItsOriginalBytes() {
        ConsumerRecord<String, byte[]> dead = new ConsumerRecord<>("conversation.actions.responder-dlq", 0, 1, "c-2",
                null);
        dead.headers().add("deserialization-failure-data", bytes("{broken")).add("ce_type", bytes("t"));

        ProducerRecord<String, byte[]> again = Redrive.redriven(dead, "conversation.actions");

        assertThat(new String(again.value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
        assertThat(again.headers()).extracting(Header::key).containsExactly("ce_type");
    }
}
