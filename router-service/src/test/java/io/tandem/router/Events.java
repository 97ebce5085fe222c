package io.tandem.router;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.ConversationEvent.Author;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.ConversationEvent.Part;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.MessageClassified.Classification;
import io.tandem.contracts.MessageClassified.IntentScore;
import io.tandem.contracts.MessageClassified.NodeMatch;
import io.tandem.contracts.MessageClassified.NodeRef;
import io.tandem.contracts.Response;

/** MessageClassified events as classifier-service passes them on, for tests. */
public final class Events {

    public static final NodeRef ORDER = new NodeRef("node_order", "Order status", "Track an order");
    public static final NodeRef RETURNS = new NodeRef("node_returns", "Returns", "Return an item");
    public static final NodeRef HOURS = new NodeRef("node_hours", "Opening hours", "Opening hours");
    public static final NodeRef HUMAN = new NodeRef("node_human", "Human", "Talk to a person");

    private Events() {
    }

    /** A customer's message in a conversation owned by {@code owner}. */
    public static MessageClassified customer(String appId, String conversationId, Owner owner, Classification c) {
        return customer(appId, conversationId, Kind.CUSTOMER_REPLIED, owner, c);
    }

    /** The customer's first message, which opens the conversation ({@code conversation.user.created}). */
    public static MessageClassified started(String appId, String conversationId, Classification c) {
        return customer(appId, conversationId, Kind.CONVERSATION_STARTED, Owner.UNASSIGNED, c);
    }

    private static MessageClassified customer(String appId, String conversationId, Kind kind, Owner owner,
            Classification c) {
        Part part = new Part("part-" + UUID.randomUUID(), "comment", new Author("user", "user-1", "Customer"),
                c == null ? "hello" : c.text(), List.of(), Instant.now());
        return wrap(appId, conversationId, kind, part, owner, false, c);
    }

    /** A lifecycle event or a teammate's part: {@code authorType} admin or bot. */
    public static MessageClassified event(String appId, String conversationId, Kind kind, String authorType,
            String authorId, String text, Owner owner, boolean byTandem) {
        Part part = new Part("part-" + UUID.randomUUID(), partType(kind), new Author(authorType, authorId, "Someone"),
                text, List.of(), Instant.now());
        return wrap(appId, conversationId, kind, part, owner, byTandem, null);
    }

    private static String partType(Kind kind) {
        return switch (kind) {
            case ASSIGNED -> "assignment";
            case ADMIN_NOTED -> "note";
            case CLOSED -> "close";
            default -> "comment";
        };
    }

    private static MessageClassified wrap(String appId, String conversationId, Kind kind, Part part, Owner owner,
            boolean byTandem, Classification classification) {
        String eventId = ConversationEvent.idFor(appId, conversationId, part.id());
        ConversationEvent event = new ConversationEvent(ConversationEvent.SCHEMA_VERSION, eventId,
                "notification-" + part.id(), appId, conversationId, Instant.now(), "notification-" + part.id(),
                "conversation.x", kind, part, owner, "open", byTandem, Instant.now());
        return new MessageClassified(MessageClassified.SCHEMA_VERSION, MessageClassified.idFor(eventId), eventId,
                appId, conversationId, Instant.now(), event, classification);
    }

    public static Classify classify(String text) {
        return new Classify(text);
    }

    /** Builds what the skill made of a message. */
    public static final class Classify {

        private final String text;
        private final List<IntentScore> intents = new ArrayList<>();
        private final List<NodeMatch> matches = new ArrayList<>();
        private final List<Response> responses = new ArrayList<>();
        private NodeRef branch;
        private boolean continued;
        private boolean awaiting;
        private Response connect;
        private String goal;

        Classify(String text) {
            this.text = text;
        }

        /** The branch the turn ended in, matched at {@code confidence}, answering {@code answer}. */
        public Classify branch(NodeRef node, double confidence, boolean hasChildren, String answer) {
            this.branch = node;
            intents.add(new IntentScore(node.nodeId().replace("node_", ""), confidence));
            matches.add(new NodeMatch(node, confidence, hasChildren, List.of(Response.text(answer))));
            responses.add(Response.text(answer));
            return this;
        }

        /** Another root node that matched too. */
        public Classify alsoMatched(NodeRef node, double confidence, String answer) {
            intents.add(new IntentScore(node.nodeId().replace("node_", ""), confidence));
            matches.add(new NodeMatch(node, confidence, false, List.of(Response.text(answer))));
            return this;
        }

        public Classify continued() {
            this.continued = true;
            return this;
        }

        public Classify awaiting() {
            this.awaiting = true;
            return this;
        }

        public Classify connectToAgent(String messageToAgent, String available, String unavailable) {
            this.connect = Response.connectToAgent(messageToAgent, available, unavailable);
            responses.add(connect);
            return this;
        }

        public Classify goal(String customerGoal) {
            this.goal = customerGoal;
            return this;
        }

        public Classification build() {
            return new Classification("1", text, intents, List.of(), matches, List.of(), branch, continued, awaiting,
                    responses, connect, goal, Map.of());
        }
    }
}
