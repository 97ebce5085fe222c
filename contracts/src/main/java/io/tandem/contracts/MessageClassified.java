package io.tandem.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation event after classifier-service: a customer's message understood by the workspace's dialog
 * skill, or a lifecycle event (assignment, close, teammate reply, Tandem's own part...) passed on unchanged so
 * router-service sees every event of a conversation in order. Published on
 * {@link Topics#CONVERSATION_CLASSIFIED}.
 *
 * @param event          the conversation event this is about
 * @param classification what the skill made of it; null when the event is not a customer message (or no skill
 *                       is active)
 */
public record MessageClassified(
        int schemaVersion,
        String eventId,
        String causationId,
        String appId,
        String conversationId,
        Instant occurredAt,
        ConversationEvent event,
        Classification classification) implements TandemEvent {

    public static final int SCHEMA_VERSION = 2;

    /**
     * @param skillVersion      the skill version that classified it
     * @param text              the message text that was classified
     * @param intents           top intents by descending confidence
     * @param entities          entity values found in the text
     * @param matchedRootNodes  every root node (folders looked through) whose condition matched, for
     *                          disambiguation, by descending confidence
     * @param nodesVisited      dialog nodes in the order they were visited this turn
     * @param branch            the root node of the branch the turn ended in; null when no node matched
     * @param continuedBranch   whether the message answered something the dialog was waiting for (a slot, a
     *                          follow-up, an option), so the branch goes on whatever the intent confidence
     * @param awaitingInput     whether the dialog now waits for the customer in this branch
     * @param responses         the rendered responses of the turn, in order
     * @param connectToAgent    the connect_to_agent response reached this turn, or null
     * @param goal              the {@code user_label} of the last goal-oriented node visited in the conversation
     * @param context           the dialog context after the turn
     */
    public record Classification(
            String skillVersion,
            String text,
            List<IntentScore> intents,
            List<EntityMatch> entities,
            List<NodeMatch> matchedRootNodes,
            List<VisitedNode> nodesVisited,
            NodeRef branch,
            boolean continuedBranch,
            boolean awaitingInput,
            List<Response> responses,
            Response connectToAgent,
            String goal,
            Map<String, Object> context) {

        public Classification {
            intents = intents == null ? List.of() : List.copyOf(intents);
            entities = entities == null ? List.of() : List.copyOf(entities);
            matchedRootNodes = matchedRootNodes == null ? List.of() : List.copyOf(matchedRootNodes);
            nodesVisited = nodesVisited == null ? List.of() : List.copyOf(nodesVisited);
            responses = responses == null ? List.of() : List.copyOf(responses);
            // Watson contexts hold null values, which Map.copyOf rejects
            context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }

        /** The top intent's confidence, 0 when none. */
        public double topConfidence() {
            return intents.isEmpty() ? 0 : intents.get(0).confidence();
        }
    }

    public record IntentScore(String intent, double confidence) {
    }

    /** An entity value found at {@code [start, end)} in the text. */
    public record EntityMatch(String entity, String value, int start, int end, double confidence) {
    }

    /**
     * A dialog node by id, name ({@code title}) and external name ({@code user_label}); the rules key on
     * {@link #key()}.
     */
    public record NodeRef(String nodeId, String title, String userLabel) {

        /** The node name, or its id when it has none: what rules are keyed by. */
        public String key() {
            return title == null || title.isBlank() ? nodeId : title;
        }
    }

    /**
     * A root node whose condition matched.
     *
     * @param confidence the confidence of the intent its condition names, or the top intent's otherwise
     * @param hasChildren whether the branch goes on after the root node
     * @param response   the root node's rendered responses, for a suggestion note or a "did you mean" list
     */
    public record NodeMatch(NodeRef node, double confidence, boolean hasChildren, List<Response> response) {

        public NodeMatch {
            response = response == null ? List.of() : List.copyOf(response);
        }
    }

    /**
     * A dialog node visited in this turn.
     *
     * @param connectToAgent whether the node's output asks for a human agent
     */
    public record VisitedNode(String nodeId, String title, boolean connectToAgent) {
    }

    public static String idFor(String causationId) {
        return EventIds.derive("message-classified", causationId);
    }
}
