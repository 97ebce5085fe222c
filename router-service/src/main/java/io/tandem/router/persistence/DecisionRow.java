package io.tandem.router.persistence;

import java.time.Instant;

/** A decision's row as deciding writes it and a redelivery reads it back; {@code actions} is a JSON array. */
public record DecisionRow(String classifiedEventId, String appId, String conversationId, String eventKind,
        String outcome, String reason, String rule, String node, Double confidence, String owner, String goal,
        String actions, Instant decidedAt, Instant emittedAt) {
}
