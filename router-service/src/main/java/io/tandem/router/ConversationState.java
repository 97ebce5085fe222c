package io.tandem.router;

import java.util.ArrayList;
import java.util.List;

import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.Response;

/**
 * What the router knows of one conversation, from every event passed on to it.
 *
 * @param owner        who owns the conversation after the last event
 * @param humanOwner   who, when a human teammate owns the conversation (assigned to a human or a team, a human
 *                     replied, or the assistant handed it over); null otherwise. The assistant stays silent while
 *                     it is set, until the conversation is assigned to the assistant again.
 * @param activeBranch the branch (root node key) the assistant is running and waiting for the customer in
 * @param pending      what the assistant waits for: the customer's choice of a "did you mean" list, or a
 *                     teammate's decision on a suggestion
 * @param transcript   the last few messages of the customer and the assistant, oldest first
 */
public record ConversationState(String appId, String conversationId, Owner owner, String humanOwner,
        String activeBranch, Pending pending, List<Line> transcript) {

    /** How many messages the hand-over note's transcript keeps. */
    public static final int TRANSCRIPT_LINES = 6;

    public ConversationState {
        owner = owner == null ? Owner.UNASSIGNED : owner;
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    public static ConversationState fresh(String appId, String conversationId) {
        return new ConversationState(appId, conversationId, Owner.UNASSIGNED, null, null, null, List.of());
    }

    public ConversationState withOwner(Owner newOwner) {
        return new ConversationState(appId, conversationId, newOwner, humanOwner, activeBranch, pending, transcript);
    }

    /** A human takes over (or, with null, hands back): a "did you mean" question to the customer is dropped. */
    public ConversationState withHumanOwner(String who) {
        Pending kept = who != null && pending != null && pending.kind() == Pending.Kind.CUSTOMER_CHOICE ? null
                : pending;
        return new ConversationState(appId, conversationId, owner, who, who == null ? activeBranch : null, kept,
                transcript);
    }

    public ConversationState withActiveBranch(String branch) {
        return new ConversationState(appId, conversationId, owner, humanOwner, branch, pending, transcript);
    }

    public ConversationState withPending(Pending next) {
        return new ConversationState(appId, conversationId, owner, humanOwner, activeBranch, next, transcript);
    }

    public ConversationState withLine(String who, String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        List<Line> lines = new ArrayList<>(transcript);
        lines.add(new Line(who, text.strip()));
        while (lines.size() > TRANSCRIPT_LINES) {
            lines.remove(0);
        }
        return new ConversationState(appId, conversationId, owner, humanOwner, activeBranch, pending, lines);
    }

    /** One message of the transcript: {@code who} is {@link #CUSTOMER} or {@link #ASSISTANT}. */
    public record Line(String who, String text) {
        public static final String CUSTOMER = "Customer";
        public static final String ASSISTANT = "Assistant";
    }

    /**
     * What the assistant waits for.
     *
     * @param kind        whose decision it waits for
     * @param suggestions the candidates, numbered from 1 in this order
     */
    public record Pending(Kind kind, List<Suggestion> suggestions) {

        public Pending {
            suggestions = List.copyOf(suggestions);
        }

        public enum Kind {
            /** The customer picks one of a "did you mean" list. */
            CUSTOMER_CHOICE,
            /** A teammate picks a suggestion, or lets the assistant take over. */
            TEAMMATE_DECISION
        }
    }

    /**
     * A candidate answer.
     *
     * @param node       the root node key (name, or id without one)
     * @param label      how people see it: the external node name, else the name, else the id
     * @param responses  what the assistant would reply
     */
    public record Suggestion(String node, String label, double confidence, boolean hasChildren,
            List<Response> responses) {

        public Suggestion {
            responses = responses == null ? List.of() : List.copyOf(responses);
        }
    }
}
