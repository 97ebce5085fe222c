package io.tandem.classifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ShutdownDrainTest {

    private static final Duration QUIET = Duration.ofMillis(50);

    @Test
    void theShutdownWaitsForTheEventsInFlight() {
        ShutdownDrain drain = new ShutdownDrain(null);
        drain.started();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(drain::finished);
        long begin = System.nanoTime();

        boolean drained = drain.awaitDrained(QUIET, Duration.ofSeconds(5));

        assertThat(drained).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void anEventStartedJustBeforeTheShutdownIsWaitedForToo() {
        ShutdownDrain drain = new ShutdownDrain(null);
        drain.started();
        drain.finished();
        // a record fetched before the consumers paused starts while the shutdown waits
        CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS).execute(drain::started);
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(drain::finished);
        long begin = System.nanoTime();

        assertThat(drain.awaitDrained(QUIET, Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anEventThatNeverEndsHoldsTheShutdownOnlyUntilTheTimeout() {
        ShutdownDrain drain = new ShutdownDrain(null);
        drain.started();

        assertThat(drain.awaitDrained(QUIET, Duration.ofMillis(200))).isFalse();
    }

    @Test
    void nothingInFlightEndsTheWaitAfterTheQuietPeriod() {
        assertThat(new ShutdownDrain(null).awaitDrained(QUIET, Duration.ofSeconds(5))).isTrue();
    }
}
