package io.tandem.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tandem.contracts.Topics;
import io.tandem.ingest.DedicatedKafka;
import io.tandem.ingest.Payload;
import io.tandem.ingest.TopicProbe;
import io.tandem.ingest.Webhooks;
import io.tandem.ingest.persistence.DeliveryClaimRepository;
import io.tandem.ingest.service.DeliveryClaims;
import io.tandem.testsupport.TandemInfraResource;

/** Kafka goes away while the service runs, and comes back: no webhook is lost, none is published half. */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = DedicatedKafka.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class KafkaOutageTest {

    @Inject
    DeliveryClaimRepository claims;

    @AfterEach
    void brokerBack() {
        DedicatedKafka.startBroker();
    }

    @Test
    void whileKafkaIsDownWebhooksGet503WithinASecondNothingIsPublishedAndTheRetrySucceedsOnceItIsBack() {
        acceptedOnceKafkaIsUp(Payload.userCreated());
        Payload during = Payload.userReplied();
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW, DedicatedKafka.bootstrapServers());
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS, DedicatedKafka.bootstrapServers());

        DedicatedKafka.stopBroker();
        long start = System.nanoTime();
        ValidatableResponse response = Webhooks.post(during);
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
        response.statusCode(503).header("Retry-After", "60").body("status", equalTo(503));
        // Intercom's retry must be able to claim it again
        String key = DeliveryClaims.notificationKey(Payload.TEST_APP, during.value("notificationId"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> claims.findById(key))).isNull();

        DedicatedKafka.startBroker();
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(1));
        assertThat(raw.recordsWithKey(during.value("conversationId"))).isEmpty();
        assertThat(events.recordsWithKey(during.value("conversationId"))).isEmpty();

        // nothing restarted on the service's side: its producers reconnect by themselves, and Intercom's retry
        // (here: retries until the broker took it) is accepted
        acceptedOnceKafkaIsUp(during);
        Webhooks.post(during).statusCode(200).body("outcome", equalTo("DUPLICATE"));
        assertThat(raw.recordsWithKey(during.value("conversationId"))).hasSize(1);
        assertThat(events.recordsWithKey(during.value("conversationId"))).hasSize(1);
    }

    @Test
    void everyRequestDuringTheOutageIsAnsweredInTimeNotOnlyTheFirst() {
        acceptedOnceKafkaIsUp(Payload.userCreated());
        DedicatedKafka.stopBroker();

        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            ValidatableResponse response = Webhooks.post(Payload.userCreated());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            response.statusCode(503);
        }
    }

    /** Posts until accepted, as Intercom's retries would: a broker just (re)started elects its leaders first. */
    private static void acceptedOnceKafkaIsUp(Payload payload) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Webhooks.post(payload).extract().statusCode() == 200);
    }
}
