package io.tandem.replay.stage;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One line of progress for people watching a long run: records done of the total, the rate, and how long the rest
 * will take at that rate. Printed at most every {@code interval}, and once at the end.
 */
public final class Progress {

    private final PrintStream out;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private final long intervalNanos;
    private long lastPrinted;

    public Progress(PrintStream out, String what, long total, Duration interval) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.lastPrinted = started;
    }

    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastPrinted >= intervalNanos) {
            lastPrinted = now;
            out.println(line(done, (now - started) / 1e9));
        }
    }

    public void finish(long done) {
        out.println(line(done, (System.nanoTime() - started) / 1e9));
    }

    static String line(String what, long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done >= total ? "done" : rate > 0
                ? "ETA " + format(Duration.ofMillis((long) ((total - done) / rate * 1000))) : "ETA unknown";
        return String.format(Locale.ROOT, "  %s: %d / %d records (%.0f %%), %.1f records/s, %s", what, done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, eta);
    }

    private String line(long done, double seconds) {
        return line(what, done, total, seconds);
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : seconds + " s";
    }
}
