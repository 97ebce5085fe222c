package io.tandem.replay.kafka;

import java.time.Instant;

/**
 * Which records of a topic: from a time or an offset (inclusive, every partition) to a time or an offset
 * (exclusive). An open end is the topic's beginning, or what it holds when the replay starts.
 */
public record Range(Instant from, Instant to, Long fromOffset, Long toOffset) {

    public static final Range ALL = new Range(null, null, null, null);

    public Range {
        if (from != null && fromOffset != null) {
            throw new IllegalArgumentException("--from and --from-offset exclude each other");
        }
        if (to != null && toOffset != null) {
            throw new IllegalArgumentException("--to and --to-offset exclude each other");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("--to must be after --from");
        }
    }

    @Override
    public String toString() {
        String start = from != null ? from.toString() : fromOffset != null ? "offset " + fromOffset : "the beginning";
        String end = to != null ? to.toString() : toOffset != null ? "offset " + toOffset : "now";
        return start + " .. " + end;
    }
}
