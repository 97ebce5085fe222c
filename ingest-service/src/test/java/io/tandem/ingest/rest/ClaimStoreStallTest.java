package io.tandem.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.Topics;
import io.tandem.ingest.Metrics;
import io.tandem.ingest.Payload;
import io.tandem.ingest.TopicProbe;
import io.tandem.ingest.Webhooks;
import io.tandem.testsupport.TandemInfraResource;

/**
 * PostgreSQL stalls (the claim table locked by someone else) while webhooks arrive together: the batch that claims
 * their ids runs out of time, every webhook it served is answered 503, and none of them is published.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class ClaimStoreStallTest {

    private static final int WEBHOOKS = 8;

    @Inject
    DataSource dataSource;

    @Test
    void aClaimBatchThatFailsAnswersEveryWaitingWebhook503AndPublishesNoneOfThem() throws Exception {
        acceptedEventually(Payload.userCreated());
        List<Payload> payloads = new ArrayList<>();
        for (int i = 0; i < WEBHOOKS; i++) {
            payloads.add(Payload.userReplied());
        }
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);
        double before = Metrics.counter("tandem_ingest_webhooks_unavailable_total", "cause", "database");
        ExecutorService senders = Executors.newFixedThreadPool(WEBHOOKS);
        List<Integer> statuses = new ArrayList<>();
        long start;
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE ingest.delivery_claim IN ACCESS EXCLUSIVE MODE");
            }
            start = System.nanoTime();
            List<CompletableFuture<Integer>> answers = payloads.stream()
                    .map(payload -> CompletableFuture.supplyAsync(
                            () -> Webhooks.post(payload).extract().statusCode(), senders))
                    .toList();
            for (CompletableFuture<Integer> answer : answers) {
                statuses.add(answer.join());
            }
            locker.rollback();
        } finally {
            senders.shutdownNow();
        }
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);

        assertThat(statuses).containsOnly(503);
        // the claim timeout (2 s) and a little
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(5));
        assertThat(Metrics.counter("tandem_ingest_webhooks_unavailable_total", "cause", "database"))
                .isEqualTo(before + WEBHOOKS);
        for (Payload payload : payloads) {
            assertThat(raw.recordsWithKey(payload.value("conversationId"))).isEmpty();
            assertThat(events.recordsWithKey(payload.value("conversationId"))).isEmpty();
        }
        // the database is back: Intercom's retry is taken
        acceptedEventually(payloads.get(0));
        Webhooks.post(payloads.get(0)).statusCode(200).body("outcome", equalTo("DUPLICATE"));
    }

    /** Posts until accepted, as Intercom's retries would (a busy test box may keep Kafka from answering in time). */
    private static void acceptedEventually(Payload payload) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Webhooks.post(payload).extract().statusCode() == 200);
    }
}
