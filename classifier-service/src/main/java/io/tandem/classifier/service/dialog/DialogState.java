package io.tandem.classifier.service.dialog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a conversation's dialog stands between turns (stored as JSON with the conversation's context).
 *
 * @param waiting    what the next message answers, or null when the next message starts at root level
 * @param returns    flows interrupted by a digression that returns, the innermost last
 * @param variations per text response ({@code nodeId/index}): how often it was shown (sequential) or the last
 *                   value shown (random)
 * @param goal       the {@code user_label} of the last goal-oriented node visited
 * @param options    the values of the options offered by the last turn, so choosing one continues the branch
 */
public record DialogState(Waiting waiting, List<Waiting> returns, Map<String, Integer> variations, String goal,
        List<String> options) {

    public static final DialogState INITIAL = new DialogState(null, List.of(), Map.of(), null, List.of());

    public DialogState {
        returns = returns == null ? List.of() : List.copyOf(returns);
        variations = variations == null ? Map.of() : Map.copyOf(variations);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /**
     * What the dialog waits for.
     *
     * @param kind    {@link Kind#CHILDREN}: the children of {@code nodeId} answer; {@link Kind#FROM_NODE}: {@code
     *                nodeId} and its later siblings answer (a {@code jump_to} with selector {@code user_input});
     *                {@link Kind#SLOTS}: the frame {@code nodeId} is filling its slots
     * @param askedBy the node whose response asked, shown again when the dialog returns here after a digression
     */
    public record Waiting(Kind kind, String nodeId, String askedBy) {
    }

    public enum Kind {
        CHILDREN,
        FROM_NODE,
        SLOTS
    }

    /** A mutable copy used while a turn runs. */
    Draft draft() {
        return new Draft(this);
    }

    static final class Draft {
        Waiting waiting;
        final List<Waiting> returns;
        final Map<String, Integer> variations;
        String goal;
        final List<String> options = new ArrayList<>();

        Draft(DialogState state) {
            this.returns = new ArrayList<>(state.returns());
            this.variations = new LinkedHashMap<>(state.variations());
            this.goal = state.goal();
        }

        DialogState done() {
            return new DialogState(waiting, returns, variations, goal, options);
        }
    }
}
