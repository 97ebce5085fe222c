package io.tandem.router.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.Response;
import io.tandem.router.ConversationState;
import io.tandem.router.ConversationState.Suggestion;
import io.tandem.router.Events;
import io.tandem.router.Integration;
import io.tandem.router.Outcome;
import io.tandem.router.Rules;

/** The decision rules alone: no Kafka, no database, the same input gives the same decision. */
class DecisionRulesTest {

    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    static final Integration MONITORING = new Integration("acme", "991", true, true, null, 0.75, NOW);
    static final AgentAvailability NOBODY_KNOWS = (app, backup, assistant) -> Optional.empty();

    final DecisionRules rules = new DecisionRules();

    @Test
    void theSameEventAndStateGiveTheSameActionsWithDeterministicIds() {
        MessageClassified message = Events.customer("acme", "c1", Owner.UNASSIGNED, Events.classify("hours?")
                .branch(Events.HOURS, 0.9, false, "We open at 9.").build());

        DecisionRules.Verdict first = decide(message, ConversationState.fresh("acme", "c1"));
        DecisionRules.Verdict second = decide(message, ConversationState.fresh("acme", "c1"));

        assertThat(first.decision()).isEqualTo(second.decision());
        assertThat(first.decision().actions()).extracting(ActionDecided::eventId)
                .containsExactly(ActionDecided.idFor(message.eventId(), 0));
    }

    @Test
    void theTranscriptKeepsTheLastSixMessages() {
        ConversationState state = ConversationState.fresh("acme", "c1");
        for (int i = 1; i <= 8; i++) {
            MessageClassified message = Events.customer("acme", "c1", Owner.UNASSIGNED,
                    Events.classify("message " + i).build());
            state = decide(message, state).next();
        }

        assertThat(state.transcript()).extracting(ConversationState.Line::text)
                .containsExactly("message 3", "message 4", "message 5", "message 6", "message 7", "message 8");
    }

    @Test
    void aCustomersChoiceIsANumberOrTheLabelOfAnOption() {
        List<Suggestion> candidates = List.of(
                new Suggestion("Order status", "Track an order", 0.9, true, List.of()),
                new Suggestion("Returns", "Return an item", 0.8, false, List.of()));

        assertThat(DecisionRules.choice("2", candidates)).contains(2);
        assertThat(DecisionRules.choice(" 1. ", candidates)).contains(1);
        assertThat(DecisionRules.choice("return an item", candidates)).contains(2);
        assertThat(DecisionRules.choice("3", candidates)).isEmpty();
        assertThat(DecisionRules.choice("the first one", candidates)).isEmpty();
    }

    @Test
    void aPickWithoutASuggestionIsAnsweredWithANote() {
        MessageClassified note = Events.event("acme", "c1", Kind.ADMIN_NOTED, "admin", "100", "/tandem 2",
                Owner.UNASSIGNED, false);

        DecisionRules.Verdict verdict = decide(note, ConversationState.fresh("acme", "c1"));

        assertThat(verdict.decision().outcome()).isEqualTo(Outcome.COMMAND_REJECTED);
        assertThat(verdict.decision().actions()).singleElement().satisfies(action -> {
            assertThat(action.type()).isEqualTo(ActionDecided.Type.NOTE);
            assertThat(action.body()).isEqualTo("There is no Tandem suggestion to pick in this conversation.");
        });
    }

    @Test
    void aNoteThatIsNotACommandIsOnlyTracked() {
        MessageClassified note = Events.event("acme", "c1", Kind.ADMIN_NOTED, "admin", "100",
                "customer is a VIP, /tandem later maybe", Owner.UNASSIGNED, false);

        assertThat(decide(note, ConversationState.fresh("acme", "c1")).decision().outcome())
                .isEqualTo(Outcome.TRACKED);
    }

    @Test
    void withoutAConnectToAgentResponseNothingIsSaidToTheCustomerOnEscalation() {
        MessageClassified unsure = Events.customer("acme", "c1", new Owner("991", null), Events.classify("hmm")
                .branch(Events.HOURS, 0.2, false, "We open at 9.").build());

        DecisionRules.Verdict verdict = decide(unsure, ConversationState.fresh("acme", "c1"));

        assertThat(verdict.decision().actions()).extracting(ActionDecided::type)
                .containsExactly(ActionDecided.Type.NOTE, ActionDecided.Type.ASSIGN);
        assertThat(verdict.next().humanOwner()).isEqualTo("escalated to the Unassigned inbox");
    }

    @Test
    void anEscalationTellsTheCustomerTheUnavailableMessageWhenAvailabilityIsUnknown() {
        MessageClassified human = Events.customer("acme", "c1", Owner.UNASSIGNED, Events.classify("a human")
                .branch(Events.HUMAN, 0.9, false, "One moment.")
                .connectToAgent("Wants a human", "Someone is coming.", "Nobody is here.").build());

        DecisionRules.Verdict verdict = decide(human, ConversationState.fresh("acme", "c1"));

        assertThat(verdict.decision().actions().get(0).responses()).containsExactly(Response.text("Nobody is here."));
        assertThat(verdict.decision().reason()).contains("could not be told");
    }

    @Test
    void aDidYouMeanQuestionIsDroppedWhenAHumanTakesOver() {
        MessageClassified ambiguous = Events.customer("acme", "c1", Owner.UNASSIGNED, Events.classify("my parcel")
                .branch(Events.ORDER, 0.9, true, "What is your order number?")
                .alsoMatched(Events.RETURNS, 0.8, "Send it back within 30 days.").build());
        ConversationState asked = decide(ambiguous, ConversationState.fresh("acme", "c1")).next();
        assertThat(asked.pending().kind()).isEqualTo(ConversationState.Pending.Kind.CUSTOMER_CHOICE);

        MessageClassified humanReplied = Events.event("acme", "c1", Kind.ADMIN_REPLIED, "admin", "100",
                "Hi, Alice here.", Owner.UNASSIGNED, false);

        assertThat(decide(humanReplied, asked).next().pending()).isNull();
    }

    private DecisionRules.Verdict decide(MessageClassified message, ConversationState state) {
        return rules.decide(message, MONITORING, Rules.NONE, state, NOBODY_KNOWS, NOW);
    }
}
