package io.tandem.replay.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A what-if replay's result: every customer message of the period with its decision then and now, and totals.
 *
 * @param runId    the replay run
 * @param period   the range replayed, as the command line gave it
 * @param changes  what was replayed against: the skill and the rules used
 */
public record WhatIfReport(String runId, String period, String changes, Instant createdAt, List<MessageDiff> messages,
        Totals totals) {

    /**
     * @param transitions per changed action, {@code "REPLY -> NOTE+ASSIGN"}, how many messages
     */
    public record Totals(int messages, int changed, int unchanged, int nodeChanged, int actionChanged,
            int confidenceChanged, int withoutDecisionThen, Map<String, Integer> transitions) {
    }

    public static WhatIfReport of(String runId, String period, String changes, List<MessageDiff> messages) {
        Map<String, Integer> transitions = new TreeMap<>();
        int changed = 0;
        int nodes = 0;
        int actions = 0;
        int confidences = 0;
        int withoutThen = 0;
        for (MessageDiff message : messages) {
            if (message.changed()) {
                changed++;
            }
            if (message.then() == null) {
                withoutThen++;
                continue;
            }
            if (message.nodeChanged()) {
                nodes++;
            }
            if (message.confidenceChanged()) {
                confidences++;
            }
            if (message.actionChanged()) {
                actions++;
                transitions.merge(message.then().action() + " -> " + message.now().action(), 1, Integer::sum);
            }
        }
        return new WhatIfReport(runId, period, changes, Instant.now(), List.copyOf(messages),
                new Totals(messages.size(), changed, messages.size() - changed, nodes, actions, confidences,
                        withoutThen, transitions));
    }
}
