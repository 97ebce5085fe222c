package io.tandem.replay.service;

import java.util.Map;

/**
 * What a replay did.
 *
 * @param runId        names the replay topics ({@code replay.<run id>.<topic>}), groups and database
 * @param copied       records of the range copied into the first stage's replay topic
 * @param outputs      per replay topic written by a stage, how many records it holds
 * @param deadLetters  records the replay instances dead-lettered
 * @param dryRunActions actions a replay responder recorded as dry run (nothing sent)
 * @param database     the replay database (dropped at the end unless kept)
 */
public record ReplayResult(String runId, long copied, Map<String, Long> outputs, long deadLetters, long dryRunActions,
        String database) {
}
