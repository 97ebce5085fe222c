package io.tandem.classifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Consumers of three partitions meeting a new skill version at once train it once: the others wait for that
 * training's result, or its failure.
 */
class SharedComputationsTest {

    private final SharedComputations<String, String> computations = new SharedComputations<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(3,
            runnable -> new Thread(runnable, "partition-consumer"));
    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void callersAskingForTheSameKeyAtOnceShareOneComputation() throws Exception {
        List<Future<String>> answers = askThreeTimes("app-1 v2", () -> {
            await(release);
            return "trained #" + runs.incrementAndGet();
        });
        waitUntilTheOthersWait();

        release.countDown();

        for (Future<String> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("trained #1");
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailureReachesEveryCallerThatWaitedForIt() throws Exception {
        List<Future<String>> answers = askThreeTimes("app-1 v2", () -> {
            runs.incrementAndGet();
            await(release);
            throw new IllegalStateException("stored skill is not JSON");
        });
        waitUntilTheOthersWait();

        release.countDown();

        for (Future<String> answer : answers) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("stored skill is not JSON");
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void aCallAfterTheComputationEndedComputesAgain() {
        assertThat(computations.get("app-1 v2", () -> "first")).isEqualTo("first");

        assertThat(computations.get("app-1 v2", () -> "second")).isEqualTo("second");
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        Future<String> slow = callers.submit(() -> computations.get("app-1 v2", () -> {
            await(release);
            return "slow";
        }));

        assertThat(computations.get("app-2 v1", () -> "fast")).isEqualTo("fast");
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
    }

    private List<Future<String>> askThreeTimes(String key, Supplier<String> computation) {
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(callers.submit(() -> computations.get(key, computation)));
        }
        return answers;
    }

    /** Until one caller computes and the two others are parked on its result. */
    private void waitUntilTheOthersWait() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long waiting = Thread.getAllStackTraces().entrySet().stream()
                    .filter(entry -> entry.getKey().getName().equals("partition-consumer")
                            && entry.getKey().getState() == Thread.State.WAITING
                            && Arrays.stream(entry.getValue()).anyMatch(frame ->
                                    frame.getClassName().equals(CompletableFuture.class.getName())
                                            && frame.getMethodName().equals("join")))
                    .count();
            if (waiting == 2) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the two other callers never waited for the first one's computation");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
