package io.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SlowMomentsTest {

    private static final long MS = 1_000_000L;
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aStallShowsAsTheWindowsItCovers() {
        // 1,000 requests a second for 2 s, 5 ms each, but those due from 1.00 s to 1.15 s waited up to 150 ms
        long[] latencies = new long[2_000];
        Arrays.fill(latencies, 5 * MS);
        for (int i = 1_000; i < 1_150; i++) {
            latencies[i] = (1_150 - i + 5) * MS;
        }

        List<SlowMoments.Window> slow = SlowMoments.of(latencies, MS, START, 100 * MS, 50 * MS);

        assertEquals(2, slow.size());
        assertEquals(1.0, slow.get(0).offsetSeconds(), 1e-9);
        assertEquals(100, slow.get(0).slowAnswers());
        assertEquals(155.0, slow.get(0).maxMillis(), 1e-9);
        assertEquals(START.plusMillis(1_000), slow.get(0).wallClock());
        assertEquals(1.1, slow.get(1).offsetSeconds(), 1e-9);
        assertEquals(5, slow.get(1).slowAnswers());
        assertEquals("+1.0 s (10:00:01.000 UTC): 100 over, slowest 155 ms", slow.get(0).describe());
    }

    @Test
    void unansweredRequestsAreNotSlowAnswers() {
        long[] latencies = {5 * MS, -1, 0, 5 * MS};

        assertTrue(SlowMoments.of(latencies, MS, START, 100 * MS, 50 * MS).isEmpty());
    }

    @Test
    void theWorstAreThoseWithTheMostSlowAnswersInTimeOrder() {
        List<SlowMoments.Window> windows = List.of(
                new SlowMoments.Window(0.1, START, 3, 60),
                new SlowMoments.Window(0.2, START, 90, 200),
                new SlowMoments.Window(0.3, START, 1, 51),
                new SlowMoments.Window(0.4, START, 40, 120));

        List<SlowMoments.Window> worst = SlowMoments.worst(windows, 2);

        assertEquals(List.of(0.2, 0.4), worst.stream().map(SlowMoments.Window::offsetSeconds).toList());
    }
}
