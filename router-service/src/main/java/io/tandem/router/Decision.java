package io.tandem.router;

import java.util.List;
import java.util.Objects;

import io.tandem.contracts.ActionDecided;

/**
 * What router-service decided for one classified message: zero or more actions, and why.
 *
 * @param classifiedEventId the MessageClassified event decided on
 * @param reason            a short sentence explaining the whole decision, also when no action was chosen
 * @param actions           the actions to perform, in order
 */
public record Decision(String classifiedEventId, String reason, List<ActionDecided> actions) {

    public Decision {
        Objects.requireNonNull(classifiedEventId, "classifiedEventId");
        Objects.requireNonNull(reason, "reason");
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
