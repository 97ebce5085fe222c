package io.tandem.router;

import java.util.List;
import java.util.Objects;

import io.tandem.contracts.ActionDecided;

/**
 * What router-service decided for one event of a conversation, and why: the row a team reads to see why the
 * assistant did what it did.
 *
 * @param classifiedEventId the MessageClassified event decided on
 * @param outcome           what the assistant did, in one word
 * @param reason            a short sentence explaining the whole decision, also when no action was chosen
 * @param rule              the setting or rule that decided (e.g. {@code action rule SUGGEST for 'Returns'})
 * @param node              the root node (its name, or id without one) the decision is about; null when none
 * @param confidence        the confidence the decision went by; null when none was involved
 * @param owner             who owned the conversation when it was decided
 * @param goal              the customer's goal (external node name), for escalations
 * @param actions           the actions to perform, in order
 */
public record Decision(String classifiedEventId, Outcome outcome, String reason, String rule, String node,
        Double confidence, String owner, String goal, List<ActionDecided> actions) {

    public Decision {
        Objects.requireNonNull(classifiedEventId, "classifiedEventId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
