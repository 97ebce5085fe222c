package io.tandem.classifier.messaging;

import static io.tandem.classifier.Pipeline.message;
import static io.tandem.classifier.Pipeline.newConversation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.classifier.Pipeline;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.Topics;
import io.tandem.testsupport.TandemInfraResource;

/** The classification goes on in the trace its event came with (W3C {@code traceparent} in the record headers). */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class TracePropagationTest {

    private static final String TRACE_ID = "5b8aa5a2d2c872e8321cf37308d69df2";

    private final Pipeline pipeline = Pipeline.get();

    @Inject
    ObjectMapper json;

    @Test
    void theClassifiedRecordContinuesTheTraceOfTheEvent() throws Exception {
        ConversationEvent event = message("seeded-test-app", newConversation(), "where is my parcel?");
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONVERSATION_EVENTS,
                event.conversationId(), json.writeValueAsString(event));
        record.headers().add("traceparent",
                ("00-" + TRACE_ID + "-051581bf3cb55c13-00").getBytes(StandardCharsets.UTF_8));
        pipeline.companion().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));

        ConsumerRecord<String, String> classified = pipeline.awaitClassifications(event.conversationId(), 1).get(0);

        Header traceparent = classified.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent of the classified record").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]")
                .doesNotContain("051581bf3cb55c13");
    }
}
