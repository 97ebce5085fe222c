package io.tandem.router.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tandem.router.persistence.DecisionLog.Written;

/** What the writer does while PostgreSQL cannot take decisions: try again, and leave them to redelivery on stop. */
class DecisionWriterRetryTest {

    @Test
    void aDecisionPostgresqlCannotTakeForAMomentIsStoredOnceItCan() throws Exception {
        UnavailableLog log = new UnavailableLog(3);
        DecisionWriter writer = new DecisionWriter(log, new SimpleMeterRegistry());
        try {
            CompletableFuture<Written> stored = writer.store(decision("e1"), state(), sentNow());

            assertThat(stored.get(10, TimeUnit.SECONDS)).isEqualTo(Written.STORED);
            assertThat(log.attempts.get()).isEqualTo(4);
            assertThat(log.stored).containsExactly("e1");
        } finally {
            writer.stop();
        }
    }

    @Test
    void whatIsNotStoredWhenTheServiceStopsIsLeftForRedeliveryNotFailedForGood() {
        UnavailableLog log = new UnavailableLog(Integer.MAX_VALUE);
        DecisionWriter writer = new DecisionWriter(log, new SimpleMeterRegistry(), Duration.ofMillis(300));
        CompletableFuture<Written> waiting = writer.store(decision("e1"), state(), sentNow());

        writer.stop();

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NotStored.class);
        assertThat(writer.store(decision("e2"), state(), sentNow())).isCompletedExceptionally();
        assertThat(log.stored).isEmpty();
    }

    @Test
    void decisionsAreStoredInTheOrderTheyWereHandedOverAcrossBatches() throws Exception {
        UnavailableLog log = new UnavailableLog(0);
        DecisionWriter writer = new DecisionWriter(log, new SimpleMeterRegistry());
        try {
            CompletableFuture<Instant> late = new CompletableFuture<>();
            CompletableFuture<Written> first = writer.store(decision("e1"), state(), late);
            CompletableFuture<Written> second = writer.store(decision("e2"), state(), sentNow());
            Thread.sleep(200);
            assertThat(second).isNotDone();

            late.complete(Instant.now());

            second.get(10, TimeUnit.SECONDS);
            assertThat(first).isCompletedWithValue(Written.STORED);
            assertThat(log.stored).containsExactly("e1", "e2");
        } finally {
            writer.stop();
        }
    }

    /** Refuses the first {@code failures} attempts as a lost connection would (SQLState class 08). */
    @Test
    void aFlushWhileTheQueueIsFullGivesUpAfterItsTimeoutRatherThanHoldTheRebalance() throws Exception {
        UnavailableLog log = new UnavailableLog(Integer.MAX_VALUE);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecisionWriter writer = new DecisionWriter(log, registry, Duration.ofMillis(300), Duration.ofMillis(500));
        Thread consumers = new Thread(() -> {
            for (int i = 0; i < DecisionWriter.CAPACITY + DecisionWriter.MAX_BATCH; i++) {
                writer.store(decision("e" + i), state(), sentNow());
            }
        });
        try {
            consumers.start();
            // PostgreSQL is away: one batch in the writer's hands, the queue full behind it
            await().atMost(Duration.ofSeconds(20)).until(() -> registry.get(DecisionWriter.UNSTORED_GAUGE).gauge()
                    .value() == DecisionWriter.CAPACITY);

            CompletableFuture<Void> flushed = CompletableFuture.runAsync(writer::flush);

            flushed.get(10, TimeUnit.SECONDS);
            assertThat(log.stored).isEmpty();
        } finally {
            writer.stop();
            consumers.join(10_000);
        }
    }

    @Test
    void aFaultOfOursWithOneDecisionFailsThatOneAndTheWriterGoesOn() throws Exception {
        UnavailableLog log = new UnavailableLog(0) {
            @Override
            public List<Written> writeAll(List<Pending> pending) {
                if (pending.stream().anyMatch(one -> one.decision().classifiedEventId().equals("e-broken"))) {
                    throw new IllegalArgumentException("a bug of ours, not PostgreSQL's answer");
                }
                return super.writeAll(pending);
            }
        };
        DecisionWriter writer = new DecisionWriter(log, new SimpleMeterRegistry());
        try {
            CompletableFuture<Instant> late = new CompletableFuture<>();
            CompletableFuture<Written> first = writer.store(decision("e1"), state(), late);
            CompletableFuture<Written> broken = writer.store(decision("e-broken"), state(), sentNow());
            CompletableFuture<Written> third = writer.store(decision("e3"), state(), sentNow());
            late.complete(Instant.now()); // the three go in one batch

            assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    IllegalArgumentException.class);
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Written.STORED);
            assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(Written.STORED);
            assertThat(writer.store(decision("e4"), state(), sentNow()).get(10, TimeUnit.SECONDS))
                    .isEqualTo(Written.STORED);
            assertThat(log.stored).containsExactly("e1", "e3", "e4");
        } finally {
            writer.stop();
        }
    }

    private static class UnavailableLog extends DecisionLog {

        final AtomicInteger attempts = new AtomicInteger();
        final List<String> stored = new CopyOnWriteArrayList<>();
        private final int failures;

        UnavailableLog(int failures) {
            super(null);
            this.failures = failures;
        }

        @Override
        public List<Written> writeAll(List<Pending> pending) {
            if (attempts.incrementAndGet() <= failures) {
                throw new StoreFailure("Connection to 127.0.0.1:5432 refused", "08001", null);
            }
            pending.forEach(one -> stored.add(one.decision().classifiedEventId()));
            return pending.stream().map(one -> Written.STORED).toList();
        }
    }

    private static CompletableFuture<Instant> sentNow() {
        return CompletableFuture.completedFuture(Instant.now());
    }

    private static DecisionRow decision(String eventId) {
        return new DecisionRow(eventId, "acme", "c1", "CUSTOMER_REPLIED", "ANSWERED", "a test decision", "default",
                "Opening hours", 0.9, "unassigned", null, "[]", Instant.now(), null);
    }

    private static ConversationRow state() {
        return new ConversationRow("acme", "c1", null, null, null, null, null, "[]", 1);
    }
}
