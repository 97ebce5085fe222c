package io.tandem.replay.report;

import java.util.List;

/**
 * What Tandem made of one customer message: the dialog node the turn ended in, the top intent's confidence, and the
 * actions decided, in order.
 *
 * @param node       the branch's root node (title, else label, else id); null when no node matched
 * @param confidence the top intent's confidence, 0 when none was recognized
 * @param actions    the types of the actions decided ({@code REPLY}, {@code NOTE}, {@code ASSIGN}), empty for none
 */
public record Decision(String node, double confidence, List<String> actions) {

    public Decision {
        actions = List.copyOf(actions);
    }

    /** The actions as one word: {@code NOTE+ASSIGN}, or {@code none}. */
    public String action() {
        return actions.isEmpty() ? "none" : String.join("+", actions);
    }

    public String nodeOrNone() {
        return node == null ? "(no node)" : node;
    }
}
