package io.tandem.router.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionDecided.Assignee;
import io.tandem.contracts.ActionDecided.AssigneeType;
import io.tandem.contracts.ActionDecided.Type;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.MessageClassified.IntentScore;
import io.tandem.contracts.MessageClassified.VisitedNode;
import io.tandem.router.Decision;
import io.tandem.router.Mode;
import io.tandem.router.WorkspaceSettings;

class DecisionRulesTest {

    private static final Instant DECIDED_AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final VisitedNode ORDER_NODE = new VisitedNode("node_1", "Order status", false);
    private static final VisitedNode AGENT_NODE = new VisitedNode("node_9", "Talk to a human", true);

    private final DecisionRules rules = new DecisionRules();

    @Test
    void confidentIntentInReplyModeRepliesWithTheOutput() {
        MessageClassified message = classified(List.of(intent("order_status", 0.82), intent("refund", 0.1)),
                List.of(ORDER_NODE), List.of("Your order ships tomorrow."));

        Decision decision = rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT);

        assertThat(decision.actions()).singleElement().satisfies(action -> {
            assertThat(action.type()).isEqualTo(Type.REPLY);
            assertThat(action.body()).isEqualTo("Your order ships tomorrow.");
            assertThat(action.assignee()).isNull();
            assertThat(action.reason()).isEqualTo("intent order_status at 0.82 ≥ 0.40, mode REPLY");
        });
        assertThat(decision.reason()).isEqualTo("intent order_status at 0.82 ≥ 0.40, mode REPLY");
    }

    @Test
    void actionsCarryDeterministicIdsAndTheCause() {
        MessageClassified message = classified(List.of(intent("order_status", 0.9)), List.of(ORDER_NODE),
                List.of("Shipped."));

        ActionDecided action = rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT).actions().get(0);

        assertThat(action.eventId()).isEqualTo(ActionDecided.idFor(message.eventId(), 0));
        assertThat(action.causationId()).isEqualTo(message.eventId());
        assertThat(action.appId()).isEqualTo(message.appId());
        assertThat(action.conversationId()).isEqualTo(message.conversationId());
        assertThat(action.occurredAt()).isEqualTo(DECIDED_AT);
        assertThat(action.schemaVersion()).isEqualTo(ActionDecided.SCHEMA_VERSION);
        assertThat(rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT).actions())
                .containsExactly(action);
    }

    @Test
    void confidenceEqualToTheMinimumIsEnough() {
        MessageClassified message = classified(List.of(intent("order_status", 0.4)), List.of(ORDER_NODE),
                List.of("Shipped."));

        assertThat(rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT).actions())
                .extracting(ActionDecided::type).containsExactly(Type.REPLY);
    }

    @Test
    void confidentIntentInSuggestModeLeavesANoteWithTheSuggestedAnswer() {
        MessageClassified message = classified(List.of(intent("order_status", 0.82)), List.of(ORDER_NODE),
                List.of("Your order ships tomorrow."));

        Decision decision = rules.decide(message, settings(Mode.SUGGEST, 0.4, null), DECIDED_AT);

        assertThat(decision.actions()).singleElement().satisfies(action -> {
            assertThat(action.type()).isEqualTo(Type.NOTE);
            assertThat(action.body()).isEqualTo("Suggested answer: Your order ships tomorrow.");
            assertThat(action.reason()).isEqualTo("intent order_status at 0.82 ≥ 0.40, mode SUGGEST");
        });
    }

    @Test
    void modeOffDecidesNothingEvenForAHandoff() {
        MessageClassified message = classified(List.of(intent("agent", 0.99)), List.of(AGENT_NODE),
                List.of("Connecting you."));

        Decision decision = rules.decide(message, settings(Mode.OFF, 0.4, "team-1"), DECIDED_AT);

        assertThat(decision.actions()).isEmpty();
        assertThat(decision.reason()).isEqualTo("mode OFF");
    }

    @Test
    void intentBelowTheMinimumDecidesNothing() {
        MessageClassified message = classified(List.of(intent("order_status", 0.3)), List.of(ORDER_NODE),
                List.of("Your order ships tomorrow."));

        Decision decision = rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT);

        assertThat(decision.actions()).isEmpty();
        assertThat(decision.reason()).isEqualTo("intent order_status at 0.30 < 0.40, mode REPLY");
    }

    @Test
    void topIntentIsTheMostConfidentWhateverTheListOrder() {
        MessageClassified message = classified(List.of(intent("refund", 0.2), intent("order_status", 0.7)),
                List.of(ORDER_NODE), List.of("Shipped."));

        assertThat(rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT).reason())
                .startsWith("intent order_status at 0.70");
    }

    @Test
    void noOutputDecidesNothing() {
        MessageClassified message = classified(List.of(intent("order_status", 0.95)), List.of(ORDER_NODE),
                List.of(" ", ""));

        Decision decision = rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT);

        assertThat(decision.actions()).isEmpty();
        assertThat(decision.reason()).isEqualTo("the dialog produced no output, mode REPLY");
    }

    @Test
    void outputWithoutAnyIntentComesFromANonIntentNodeAndIsAnswered() {
        MessageClassified message = classified(List.of(), List.of(new VisitedNode("welcome", "Welcome", false)),
                List.of("Hello! How can I help?"));

        Decision decision = rules.decide(message, settings(Mode.REPLY, 0.9, null), DECIDED_AT);

        assertThat(decision.actions()).singleElement().satisfies(action -> {
            assertThat(action.type()).isEqualTo(Type.REPLY);
            assertThat(action.body()).isEqualTo("Hello! How can I help?");
            assertThat(action.reason()).isEqualTo("no intent recognised; node 'Welcome' answered, mode REPLY");
        });
    }

    @Test
    void multipleOutputTextsBecomeOneMessage() {
        MessageClassified message = classified(List.of(intent("hours", 0.8)), List.of(ORDER_NODE),
                List.of("We open at 9.", "  ", "We close at 5. "));

        assertThat(rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT).actions().get(0).body())
                .isEqualTo("We open at 9.\n\nWe close at 5.");
    }

    @Test
    void handoffInReplyModeRepliesThenAssignsToTheHandoffTeam() {
        MessageClassified message = classified(List.of(intent("agent", 0.9)), List.of(ORDER_NODE, AGENT_NODE),
                List.of("Let me connect you to a colleague."));

        Decision decision = rules.decide(message, settings(Mode.REPLY, 0.4, "team-42"), DECIDED_AT);

        assertThat(decision.actions()).extracting(ActionDecided::type).containsExactly(Type.REPLY, Type.ASSIGN);
        assertThat(decision.actions().get(0).body()).isEqualTo("Let me connect you to a colleague.");
        ActionDecided assign = decision.actions().get(1);
        assertThat(assign.assignee()).isEqualTo(new Assignee(AssigneeType.TEAM, "team-42"));
        assertThat(assign.body()).isNull();
        assertThat(assign.eventId()).isEqualTo(ActionDecided.idFor(message.eventId(), 1));
        assertThat(assign.reason())
                .isEqualTo("node 'Talk to a human' asks for a human agent; handing over to team team-42");
    }

    @Test
    void handoffIsNotGatedByConfidence() {
        MessageClassified message = classified(List.of(intent("agent", 0.1)), List.of(AGENT_NODE), List.of());

        assertThat(rules.decide(message, settings(Mode.REPLY, 0.4, "team-42"), DECIDED_AT).actions())
                .extracting(ActionDecided::type).containsExactly(Type.ASSIGN);
    }

    @Test
    void handoffWithoutATeamLeavesANoteAskingATeammateToTakeOver() {
        MessageClassified message = classified(List.of(intent("agent", 0.9)), List.of(AGENT_NODE),
                List.of("Let me connect you to a colleague."));

        Decision decision = rules.decide(message, settings(Mode.REPLY, 0.4, null), DECIDED_AT);

        assertThat(decision.actions()).extracting(ActionDecided::type).containsExactly(Type.REPLY, Type.NOTE);
        assertThat(decision.actions().get(1).body())
                .isEqualTo("The customer asked for a human agent (node 'Talk to a human'). "
                        + "Please take over this conversation.");
    }

    @Test
    void handoffInSuggestModeHandsOverWithoutReplying() {
        MessageClassified message = classified(List.of(intent("agent", 0.9)), List.of(AGENT_NODE),
                List.of("Let me connect you to a colleague."));

        assertThat(rules.decide(message, settings(Mode.SUGGEST, 0.4, "team-42"), DECIDED_AT).actions())
                .extracting(ActionDecided::type).containsExactly(Type.ASSIGN);
        assertThat(rules.decide(message, settings(Mode.SUGGEST, 0.4, null), DECIDED_AT).actions())
                .extracting(ActionDecided::type).containsExactly(Type.NOTE);
    }

    @Test
    void handoffNodeWithoutTitleIsNamedByItsId() {
        MessageClassified message = classified(List.of(), List.of(new VisitedNode("node_7", null, true)), List.of());

        assertThat(rules.decide(message, settings(Mode.REPLY, 0.4, "7"), DECIDED_AT).reason())
                .isEqualTo("node 'node_7' asks for a human agent; handing over to team 7, mode REPLY");
    }

    static MessageClassified classified(List<IntentScore> intents, List<VisitedNode> nodes, List<String> output) {
        return new MessageClassified(MessageClassified.SCHEMA_VERSION, "classified-1", "received-1", "app-1",
                "conv-1", DECIDED_AT.minusSeconds(1), "v1", "where is my order?", intents, List.of(), nodes,
                output, Map.of());
    }

    private static IntentScore intent(String name, double confidence) {
        return new IntentScore(name, confidence);
    }

    private static WorkspaceSettings settings(Mode mode, double minConfidence, String handoffTeamId) {
        return new WorkspaceSettings("app-1", mode, minConfidence, handoffTeamId, null);
    }
}
