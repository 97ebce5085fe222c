package io.tandem.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's message understood by a dialog skill: intents, entities, the dialog nodes visited and the output.
 *
 * @param skillVersion the skill version that classified it
 * @param text         the message text that was classified
 * @param intents      intents by descending confidence
 * @param entities     entity values found in the text
 * @param nodesVisited dialog nodes in the order they were visited
 * @param output       the rendered output texts of the dialog turn
 * @param context      the dialog context after the turn
 */
public record MessageClassified(
        int schemaVersion,
        String eventId,
        String causationId,
        String appId,
        String conversationId,
        Instant occurredAt,
        String skillVersion,
        String text,
        List<IntentScore> intents,
        List<EntityMatch> entities,
        List<VisitedNode> nodesVisited,
        List<String> output,
        Map<String, Object> context) implements TandemEvent {

    public static final int SCHEMA_VERSION = 1;

    public MessageClassified {
        intents = intents == null ? List.of() : List.copyOf(intents);
        entities = entities == null ? List.of() : List.copyOf(entities);
        nodesVisited = nodesVisited == null ? List.of() : List.copyOf(nodesVisited);
        output = output == null ? List.of() : List.copyOf(output);
        // Watson contexts hold null values, which Map.copyOf rejects
        context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    public record IntentScore(String intent, double confidence) {
    }

    /** An entity value found at {@code [start, end)} in the text. */
    public record EntityMatch(String entity, String value, int start, int end, double confidence) {
    }

    /**
     * A dialog node visited in this turn.
     *
     * @param title          the node's name ({@code title} in the skill)
     * @param connectToAgent whether the node's output asks for a human agent
     */
    public record VisitedNode(String nodeId, String title, boolean connectToAgent) {
    }

    public static String idFor(String causationId) {
        return EventIds.derive("message-classified", causationId);
    }
}
