package io.tandem.router;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workspace's backup and action rules, keyed by root node (its name, or its id when it has none).
 */
public record Rules(Map<String, Backup> backups, Map<String, RuleAction> actions) {

    /** What a branch without an action rule gets: answer when confident. */
    public static final RuleAction DEFAULT_ACTION = RuleAction.ANSWER;

    public static final Rules NONE = new Rules(Map.of(), Map.of());

    public Rules {
        // kept in the order given (by node name from the database), so listings are stable
        backups = Collections.unmodifiableMap(new LinkedHashMap<>(backups));
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    }

    /** The branch's backup contact; null for the Unassigned inbox. */
    public Backup backupFor(String node) {
        return node == null ? null : backups.get(node);
    }

    public RuleAction actionFor(String node) {
        return node == null ? DEFAULT_ACTION : actions.getOrDefault(node, DEFAULT_ACTION);
    }

    public boolean hasActionRule(String node) {
        return node != null && actions.containsKey(node);
    }
}
