package io.tandem.replay.report;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One customer message with the decision then (live topics) and the decision now (the what-if replay).
 *
 * @param then null when the live topics hold no decision for it (it was not classified in time or out of range)
 */
public record MessageDiff(String eventId, String conversationId, Instant occurredAt, String text, Decision then,
        Decision now) {

    /** Confidences closer than this are the same. */
    static final double SAME_CONFIDENCE = 0.005;

    @JsonProperty
    public boolean nodeChanged() {
        return then == null || !java.util.Objects.equals(then.node(), now.node());
    }

    @JsonProperty
    public boolean actionChanged() {
        return then == null || !then.actions().equals(now.actions());
    }

    @JsonProperty
    public boolean confidenceChanged() {
        return then == null || Math.abs(then.confidence() - now.confidence()) >= SAME_CONFIDENCE;
    }

    @JsonProperty
    public boolean changed() {
        return nodeChanged() || actionChanged() || confidenceChanged();
    }
}
