package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tandem.ingest.service.DeliveryClaims.Claim;
import io.tandem.ingest.service.DeliveryClaims.Status;

class ClaimCompleterTest {

    private final List<List<String>> statements = Collections.synchronizedList(new ArrayList<>());
    private final RecentlyPublished recentlyPublished = new RecentlyPublished(100, Duration.ofDays(7));
    private ClaimCompleter completer;

    @AfterEach
    void stop() {
        if (completer != null) {
            completer.drain();
        }
    }

    @Test
    void claimsPublishedWithinTheGatherTimeShareOneStatement() throws Exception {
        CountDownLatch marked = new CountDownLatch(1);
        completer = new ClaimCompleter(recording(marked), recentlyPublished, Duration.ofMillis(300));

        completer.published(claim("notification:a:1", "part:c:1"));
        completer.published(claim("notification:a:2"));
        completer.published(claim("notification:a:3"));

        assertThat(marked.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(statements).containsExactly(
                List.of("notification:a:1", "part:c:1", "notification:a:2", "notification:a:3"));
    }

    @Test
    void thisReplicaKnowsAClaimPublishedBeforeItIsMarked() {
        completer = new ClaimCompleter(recording(new CountDownLatch(1)), recentlyPublished, Duration.ofSeconds(10));

        completer.published(claim("notification:a:1", "part:c:1"));

        assertThat(recentlyPublished.contains("notification:a:1")).isTrue();
        assertThat(recentlyPublished.contains("part:c:1")).isTrue();
        assertThat(statements).isEmpty();
    }

    @Test
    void stoppingMarksWhatIsStillPending() {
        completer = new ClaimCompleter(recording(new CountDownLatch(1)), recentlyPublished, Duration.ofMillis(200));

        completer.published(claim("notification:a:1"));
        completer.published(claim("notification:a:2"));
        completer.drain();

        assertThat(statements.stream().flatMap(List::stream))
                .containsExactly("notification:a:1", "notification:a:2");
    }

    @Test
    void anInterruptedWorkerMarksWhatItHoldsAndWhatIsQueuedThenStops() throws Exception {
        completer = new ClaimCompleter(recording(new CountDownLatch(1)), recentlyPublished, Duration.ofSeconds(30));
        completer.published(claim("notification:a:1"));
        // the worker now holds the first claim and sleeps out the gather time
        awaitState(completer.worker(), Thread.State.TIMED_WAITING);
        completer.published(claim("notification:a:2"));

        completer.worker().interrupt();
        completer.worker().join(5_000);

        assertThat(completer.worker().isAlive()).isFalse();
        assertThat(statements.stream().flatMap(List::stream))
                .containsExactly("notification:a:1", "notification:a:2");
    }

    private ClaimCompleter.MarkStatement recording(CountDownLatch marked) {
        return (keys, tokens, publishedAt) -> {
            assertThat(tokens).hasSameSizeAs(keys);
            statements.add(List.copyOf(keys));
            marked.countDown();
            return keys.size();
        };
    }

    private static Claim claim(String... keys) {
        return new Claim(UUID.randomUUID(), Status.CLAIMED, List.of(keys));
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != state && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).isEqualTo(state);
    }
}
