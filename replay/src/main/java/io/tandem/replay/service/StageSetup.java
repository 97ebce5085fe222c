package io.tandem.replay.service;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What replay instances are loaded with before any record reaches them.
 *
 * @param skills   per workspace, the Watson workspace JSON a replay classifier classifies with (null: none)
 * @param settings per workspace, router settings: {@code {"integration": {...}, "backupRules": [...],
 *                 "actionRules": [...]}} (the shapes of router-service's GET integration and GET rules)
 */
public record StageSetup(Function<String, String> skills, Function<String, JsonNode> settings) {

    /** The node names of rules, for printing. */
    static List<String> nodes(JsonNode rules) {
        return rules == null ? List.of()
                : java.util.stream.StreamSupport.stream(rules.spliterator(), false).map(r -> r.path("node").asText())
                        .toList();
    }
}
