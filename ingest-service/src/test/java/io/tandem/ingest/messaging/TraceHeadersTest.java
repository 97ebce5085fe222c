package io.tandem.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.Topics;
import io.tandem.ingest.Payload;
import io.tandem.ingest.Signatures;
import io.tandem.ingest.TopicProbe;
import io.tandem.ingest.Webhooks;
import io.tandem.testsupport.TandemInfraResource;

/**
 * The webhook request's trace continues on Kafka: both records carry a W3C {@code traceparent} of the caller's trace
 * (a child span of the request; not sampled, as the caller asked), which the classifier's consumer picks up.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class TraceHeadersTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00-" + TRACE_ID + "-00f067aa0ba902b7-00";

    @Test
    void bothRecordsOfAWebhookCarryTheTraceOfItsRequest() {
        Payload payload = Payload.userCreated();
        String conversationId = payload.value("conversationId");
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        // as Intercom does, a 503 (Kafka still warming up on a busy machine) is retried
        await().atMost(Duration.ofSeconds(30)).until(() -> given().contentType("application/json")
                .header("User-Agent", "Intercom-Webhooks/test")
                .header("X-Hub-Signature", Signatures.intercom(payload.bytes(), Payload.TEST_SECRET))
                .header("traceparent", CALLER)
                .body(payload.bytes()).when().post(Webhooks.PATH).statusCode(), status -> status == 200);

        for (List<ConsumerRecord<String, String>> records : List.of(raw.recordsWithKey(conversationId),
                events.recordsWithKey(conversationId))) {
            // a 503 whose records were written after all leaves a second copy from the retry: both carry the trace
            assertThat(records).isNotEmpty().allSatisfy(record -> assertThat(TopicProbe.header(record, "traceparent"))
                    .as("traceparent of %s", record.topic())
                    .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]")
                    .isNotEqualTo(CALLER));
        }
    }

    @Test
    void aWebhookWithoutTraceStartsOne() {
        Payload payload = Payload.userCreated();
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Webhooks.post(payload).extract().statusCode(), status -> status == 200);

        String traceparent = TopicProbe.header(events.recordsWithKey(payload.value("conversationId")).get(0),
                "traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain("0".repeat(32));
    }
}
