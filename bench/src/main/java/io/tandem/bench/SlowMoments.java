package io.tandem.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The moments of a fixed-rate run when answers were slow: the run cut into windows by when each request was due, and
 * the windows whose slowest answer passed a threshold. A p99 made of one stall (a long GC pause, a checkpoint) shows as
 * one or two windows, a p99 made of queueing as many; the wall-clock times match the services' GC and PostgreSQL logs.
 */
final class SlowMoments {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One window: its start, since the run's start and on the clock, its answers over the threshold and slowest. */
    record Window(double offsetSeconds, Instant wallClock, int slowAnswers, double maxMillis) {

        String describe() {
            return String.format(Locale.ROOT, "+%.1f s (%s UTC): %d over, slowest %.0f ms", offsetSeconds,
                    CLOCK.format(wallClock), slowAnswers, maxMillis);
        }
    }

    private SlowMoments() {
    }

    /**
     * @param latencyNanos  per request in the order they were due, its answer time (0 or less: none)
     * @param periodNanos   time between two requests' due times
     * @param startedAt     when the first request was due, on the wall clock
     * @param windowNanos   the windows' length
     * @param thresholdNanos an answer slower than this is slow
     * @return the windows with at least one slow answer, in time order
     */
    static List<Window> of(long[] latencyNanos, long periodNanos, Instant startedAt, long windowNanos,
            long thresholdNanos) {
        List<Window> windows = new ArrayList<>();
        int perWindow = (int) Math.max(1, windowNanos / periodNanos);
        for (int from = 0; from < latencyNanos.length; from += perWindow) {
            int slow = 0;
            long max = 0;
            for (int i = from; i < Math.min(latencyNanos.length, from + perWindow); i++) {
                if (latencyNanos[i] > thresholdNanos) {
                    slow++;
                }
                max = Math.max(max, latencyNanos[i]);
            }
            if (slow > 0) {
                long offset = from * periodNanos;
                windows.add(new Window(offset / 1e9, startedAt.plusNanos(offset), slow, max / 1e6));
            }
        }
        return windows;
    }

    /** The {@code limit} windows with the most slow answers, back in time order. */
    static List<Window> worst(List<Window> windows, int limit) {
        return windows.stream()
                .sorted(Comparator.comparingInt(Window::slowAnswers).reversed())
                .limit(limit)
                .sorted(Comparator.comparingDouble(Window::offsetSeconds))
                .toList();
    }
}
