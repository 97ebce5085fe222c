package io.tandem.router.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import jakarta.enterprise.inject.Vetoed;

import org.junit.jupiter.api.Test;

class EmittedMarksTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void theDecisionsEmittedSinceTheLastFlushAreMarkedInOneStatement() {
        RecordingLog log = new RecordingLog();
        EmittedMarks marks = new EmittedMarks(log, Clock.fixed(NOW, ZoneOffset.UTC), NEVER);

        marks.add("event-1");
        marks.add("event-2");
        marks.add("event-3");
        marks.flush();

        assertThat(log.batches).containsExactly(List.of("event-1", "event-2", "event-3"));
        assertThat(log.times).containsOnly(NOW);
    }

    @Test
    void aDecisionIsNotedAsEmittedUntilItsMarkIsWritten() {
        RecordingLog log = new RecordingLog();
        EmittedMarks marks = new EmittedMarks(log, Clock.fixed(NOW, ZoneOffset.UTC), NEVER);

        marks.add("event-1");
        assertThat(marks.noted("event-1")).isTrue();
        assertThat(marks.noted("event-2")).isFalse();

        marks.flush();
        assertThat(marks.noted("event-1")).isFalse();
    }

    @Test
    void aLongBacklogIsWrittenInBoundedBatches() {
        RecordingLog log = new RecordingLog();
        EmittedMarks marks = new EmittedMarks(log, Clock.fixed(NOW, ZoneOffset.UTC), NEVER);

        IntStream.range(0, EmittedMarks.MAX_BATCH + 100).forEach(i -> marks.add("event-" + i));
        marks.flush();

        assertThat(log.batches).extracting(List::size).containsExactly(EmittedMarks.MAX_BATCH, 100);
    }

    @Test
    void nothingToMarkWritesNothing() {
        RecordingLog log = new RecordingLog();
        new EmittedMarks(log, Clock.fixed(NOW, ZoneOffset.UTC), NEVER).flush();

        assertThat(log.batches).isEmpty();
    }

    @Test
    void marksAreWrittenInTheBackgroundAndAFailedBatchDoesNotStopTheNextOnes() {
        RecordingLog log = new RecordingLog();
        log.failNext = true;
        EmittedMarks marks = new EmittedMarks(log, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(20));

        marks.add("lost-with-the-failed-batch");
        await().atMost(Duration.ofSeconds(5)).until(() -> !log.failNext);
        marks.add("event-after-the-failure");

        await().atMost(Duration.ofSeconds(5)).until(() -> !log.batches.isEmpty());
        assertThat(log.batches).containsExactly(List.of("event-after-the-failure"));
    }

    /** A decision log that records what it is asked to mark instead of writing it (not a bean of the tests). */
    @Vetoed
    private static final class RecordingLog extends DecisionLog {

        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<Instant> times = new CopyOnWriteArrayList<>();
        volatile boolean failNext;

        RecordingLog() {
            super(null);
        }

        @Override
        public void markEmitted(Collection<String> classifiedEventIds, Instant emittedAt) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("PostgreSQL is away");
            }
            batches.add(new ArrayList<>(classifiedEventIds));
            times.add(emittedAt);
        }
    }
}
