package io.tandem.router.messaging;

import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionDecided.Assignee;
import io.tandem.contracts.ActionDecided.Type;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.Response;
import io.tandem.router.Events;
import io.tandem.router.Outcome;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;
import io.tandem.router.persistence.WorkspaceReset;
import io.tandem.testsupport.TandemInfraResource;

/**
 * Every decision the assistant takes as a teammate, through Kafka and PostgreSQL: workspace {@code acme}, whose
 * assistant is admin {@value StandIns#ASSISTANT}, monitoring the Unassigned inbox at the default threshold 0.75
 * unless a test says otherwise.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class DecisionsTest {

    static final String APP = "acme";
    static final Owner UNASSIGNED = Owner.UNASSIGNED;
    static final Owner ASSISTANT = new Owner(StandIns.ASSISTANT, null);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DecisionRepository decisions;

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    WorkspaceReset workspaces;

    Pipeline pipeline;
    String conversation;

    @BeforeEach
    void monitoringTheUnassignedInbox() {
        Pipeline.awaitPartitionsAssigned(kafkaClients);
        StandIns.stubDefaults();
        workspaces.reset(APP);
        integration("{\"assistantAdminId\":\"991\",\"dialogReady\":true,\"monitoring\":true}");
        pipeline = new Pipeline(objectMapper);
        conversation = "conv-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    // --- answer -------------------------------------------------------------------------------------------------

    @Test
    void aConfidentMessageInTheMonitoredInboxIsAnsweredByDefault() {
        MessageClassified message = customer(UNASSIGNED, Events.classify("where is my order?")
                .branch(Events.ORDER, 0.91, true, "What is your order number?").awaiting());

        List<ActionDecided> actions = pipeline.awaitActions(conversation, 1);

        assertThat(actions).singleElement().satisfies(reply -> {
            assertThat(reply.type()).isEqualTo(Type.REPLY);
            assertThat(reply.adminId()).isEqualTo(StandIns.ASSISTANT);
            assertThat(reply.responses()).containsExactly(Response.text("What is your order number?"));
            assertThat(reply.index()).isZero();
            assertThat(reply.count()).isEqualTo(1);
        });
        DecisionEntity decision = decision(message);
        assertThat(decision.outcome).isEqualTo(Outcome.ANSWERED.name());
        assertThat(decision.rule).isEqualTo("no action rule for 'Order status': answer when confident");
        assertThat(decision.node).isEqualTo("Order status");
        assertThat(decision.confidence).isEqualTo(0.91);
        assertThat(decision.owner).isEqualTo("monitored Unassigned inbox");
    }

    @Test
    void aReplyThatContinuesTheBranchTheAssistantRunsIsAnsweredWhateverTheConfidence() {
        customer(UNASSIGNED, Events.classify("where is my order?")
                .branch(Events.ORDER, 0.91, true, "What is your order number?").awaiting());
        pipeline.awaitActions(conversation, 1);

        MessageClassified followUp = customer(UNASSIGNED, Events.classify("12345")
                .branch(Events.ORDER, 0.12, true, "Order 12345 ships tomorrow.").continued());

        assertThat(pipeline.awaitActions(conversation, 2).get(1).responses())
                .containsExactly(Response.text("Order 12345 ships tomorrow."));
        assertThat(decision(followUp).rule).isEqualTo("continue branch");
    }

    @Test
    void severalConfidentMatchesAreAskedAsDidYouMeanAndTheCustomersNumberIsAnswered() {
        customer(UNASSIGNED, Events.classify("my parcel")
                .branch(Events.ORDER, 0.88, true, "What is your order number?")
                .alsoMatched(Events.RETURNS, 0.81, "Send it back within 30 days."));

        ActionDecided question = pipeline.awaitActions(conversation, 1).get(0);
        assertThat(question.type()).isEqualTo(Type.REPLY);
        assertThat(question.responses()).singleElement().satisfies(list -> {
            assertThat(list.type()).isEqualTo(Response.OPTION);
            assertThat(list.title()).isEqualTo("Did you mean:");
            assertThat(list.options()).extracting(Response.Option::label)
                    .containsExactly("Track an order", "Return an item");
        });

        MessageClassified choice = customer(UNASSIGNED, Events.classify("2"));

        assertThat(pipeline.awaitActions(conversation, 2).get(1).responses())
                .containsExactly(Response.text("Send it back within 30 days."));
        assertThat(decision(choice).node).isEqualTo("Returns");
        assertThat(decision(choice).outcome).isEqualTo(Outcome.ANSWERED.name());
    }

    // --- threshold and escalation --------------------------------------------------------------------------------

    @Test
    void belowTheThresholdInTheMonitoredInboxNothingIsDone() {
        MessageClassified message = customer(UNASSIGNED, Events.classify("hmm")
                .branch(Events.HOURS, 0.5, false, "We open at 9."));

        DecisionEntity decision = awaitDecision(message);

        assertThat(decision.outcome).isEqualTo(Outcome.NOTHING.name());
        assertThat(decision.reason).contains("0.50 is below the threshold 0.75");
        assertThat(pipeline.actionsOf(conversation)).isEmpty();
    }

    @Test
    void belowTheThresholdInAConversationAssignedToTheAssistantItEscalatesToUnassignedWithoutBackup() {
        customer(ASSISTANT, Events.classify("when do you open")
                .branch(Events.HOURS, 0.93, false, "We open at 9."));
        pipeline.awaitActions(conversation, 1);
        tandemReplied("We open at 9.");
        MessageClassified unsure = customer(ASSISTANT, Events.classify("can I pay with shells")
                .branch(Events.HOURS, 0.31, false, "We open at 9."));

        List<ActionDecided> actions = pipeline.awaitActions(conversation, 3).subList(1, 3);

        assertThat(actions).extracting(ActionDecided::type).containsExactly(Type.NOTE, Type.ASSIGN);
        assertThat(actions).extracting(ActionDecided::index).containsExactly(0, 1);
        assertThat(actions).extracting(ActionDecided::count).containsExactly(2, 2);
        assertThat(actions.get(0).body())
                .contains("0.31 is below the threshold 0.75")
                .contains("Customer: when do you open\nAssistant: We open at 9.\nCustomer: can I pay with shells");
        assertThat(actions.get(1).assignee()).isEqualTo(Assignee.UNASSIGNED);
        assertThat(decision(unsure).outcome).isEqualTo(Outcome.ESCALATED.name());
        assertThat(decision(unsure).owner).isEqualTo("assistant (teammate 991)");
    }

    @Test
    void aConnectToAgentResponseEscalatesToTheBackupTeamWithANoteAndTellsTheCustomerSomeoneIsAvailable() {
        backup("Human", "team", StandIns.SUPPORT);
        MessageClassified message = customer(UNASSIGNED, Events.classify("I want a person")
                .branch(Events.HUMAN, 0.95, false, "Let me find a colleague.")
                .connectToAgent("Customer asks for a human about a refund", "A colleague will be with you shortly.",
                        "Our team is away; we will write back by email.")
                .goal("Get a refund"));

        List<ActionDecided> actions = pipeline.awaitActions(conversation, 3);

        assertThat(actions).extracting(ActionDecided::type).containsExactly(Type.REPLY, Type.NOTE, Type.ASSIGN);
        assertThat(actions.get(0).responses()).containsExactly(Response.text("A colleague will be with you shortly."));
        assertThat(actions.get(1).body())
                .contains("Message for you: Customer asks for a human about a refund")
                .contains("The customer's goal: Get a refund")
                .contains("Customer: I want a person");
        assertThat(actions.get(2).assignee()).isEqualTo(Assignee.team(StandIns.SUPPORT));
        assertThat(decision(message).goal).isEqualTo("Get a refund");
    }

    @Test
    void whenEveryoneInTheBackupTeamIsAwayTheCustomerHearsTheUnavailableMessage() {
        backup("Human", "team", StandIns.BILLING);
        customer(UNASSIGNED, Events.classify("a human please")
                .branch(Events.HUMAN, 0.95, false, "Let me find a colleague.")
                .connectToAgent("Wants a human", "A colleague will be with you shortly.",
                        "Our team is away; we will write back by email."));

        List<ActionDecided> actions = pipeline.awaitActions(conversation, 3);

        assertThat(actions.get(0).responses())
                .containsExactly(Response.text("Our team is away; we will write back by email."));
        assertThat(actions.get(2).assignee()).isEqualTo(Assignee.team(StandIns.BILLING));
    }

    @Test
    void anEscalationWithoutBackupGoesToTheUnassignedInbox() {
        customer(UNASSIGNED, Events.classify("a human please")
                .branch(Events.HUMAN, 0.95, false, "Let me find a colleague.")
                .connectToAgent("Wants a human", "Someone will be with you shortly.", "Nobody is here."));

        List<ActionDecided> actions = pipeline.awaitActions(conversation, 3);

        assertThat(actions.get(0).responses()).containsExactly(Response.text("Someone will be with you shortly."));
        assertThat(actions.get(2).assignee()).isEqualTo(Assignee.UNASSIGNED);
    }

    // --- suggest, send, do nothing -------------------------------------------------------------------------------

    @Test
    void aSuggestionForALeafHoldsTheProgrammedResponseAndTheTeammatePicksItWithANoteCommand() {
        action("Returns", "SUGGEST");
        backup("Returns", "team", StandIns.SUPPORT);
        customer(UNASSIGNED, Events.classify("how do I return this")
                .branch(Events.RETURNS, 0.9, false, "Send it back within 30 days."));

        List<ActionDecided> suggestion = pipeline.awaitActions(conversation, 2);
        assertThat(suggestion).extracting(ActionDecided::type).containsExactly(Type.NOTE, Type.ASSIGN);
        assertThat(suggestion.get(0).body()).contains("Send it back within 30 days.").contains("/tandem 1");
        assertThat(suggestion.get(1).assignee()).isEqualTo(Assignee.team(StandIns.SUPPORT));

        MessageClassified waiting = customer(new Owner(null, StandIns.SUPPORT), Events.classify("hello?")
                .branch(Events.RETURNS, 0.9, false, "Send it back within 30 days."));
        assertThat(awaitDecision(waiting).outcome).isEqualTo(Outcome.SILENT.name());

        MessageClassified command = teammateNote("/tandem 1", new Owner(null, StandIns.SUPPORT));

        ActionDecided picked = pipeline.awaitActions(conversation, 3).get(2);
        assertThat(picked.type()).isEqualTo(Type.REPLY);
        assertThat(picked.responses()).containsExactly(Response.text("Send it back within 30 days."));
        assertThat(decision(command).outcome).isEqualTo(Outcome.PICKED.name());
    }

    @Test
    void aSuggestionForABranchWithChildrenOffersToTakeOverAndAnAssignmentToTheAssistantLetsItGoOn() {
        action("Order status", "SUGGEST");
        customer(UNASSIGNED, Events.classify("where is my order")
                .branch(Events.ORDER, 0.9, true, "What is your order number?").awaiting());

        List<ActionDecided> suggestion = pipeline.awaitActions(conversation, 2);
        assertThat(suggestion.get(0).body()).contains("take this conversation over").contains("/tandem take over");
        assertThat(suggestion.get(1).assignee()).isEqualTo(Assignee.UNASSIGNED);

        MessageClassified assigned = lifecycle(Kind.ASSIGNED, "admin", StandIns.ALICE, "", ASSISTANT);

        ActionDecided takeOver = pipeline.awaitActions(conversation, 3).get(2);
        assertThat(takeOver.type()).isEqualTo(Type.REPLY);
        assertThat(takeOver.responses()).containsExactly(Response.text("What is your order number?"));
        assertThat(decision(assigned).outcome).isEqualTo(Outcome.TAKEN_OVER.name());

        customer(ASSISTANT, Events.classify("12345")
                .branch(Events.ORDER, 0.2, true, "Order 12345 ships tomorrow.").continued());
        assertThat(pipeline.awaitActions(conversation, 4).get(3).responses())
                .containsExactly(Response.text("Order 12345 ships tomorrow."));
    }

    @Test
    void severalConfidentMatchesAreSuggestedAsAListAndTheTeammatePicksOne() {
        action("Order status", "SUGGEST");
        customer(UNASSIGNED, Events.classify("my parcel")
                .branch(Events.ORDER, 0.9, true, "What is your order number?")
                .alsoMatched(Events.RETURNS, 0.8, "Send it back within 30 days."));

        ActionDecided note = pipeline.awaitActions(conversation, 2).get(0);
        assertThat(note.body())
                .contains("1. Track an order (0.90): What is your order number?")
                .contains("2. Return an item (0.80): Send it back within 30 days.");

        teammateNote("/tandem 2", UNASSIGNED);

        assertThat(pipeline.awaitActions(conversation, 3).get(2).responses())
                .containsExactly(Response.text("Send it back within 30 days."));
    }

    @Test
    void theTakeOverNoteCommandAssignsTheConversationToTheAssistantAndAnswers() {
        action("Order status", "SUGGEST");
        backup("Order status", "admin", StandIns.ALICE);
        customer(UNASSIGNED, Events.classify("where is my order")
                .branch(Events.ORDER, 0.9, true, "What is your order number?").awaiting());
        pipeline.awaitActions(conversation, 2);

        MessageClassified command = teammateNote("/tandem take over", new Owner(StandIns.ALICE, null));

        List<ActionDecided> actions = pipeline.awaitActions(conversation, 4).subList(2, 4);
        assertThat(actions).extracting(ActionDecided::type).containsExactly(Type.ASSIGN, Type.REPLY);
        assertThat(actions.get(0).assignee()).isEqualTo(Assignee.admin(StandIns.ASSISTANT));
        assertThat(actions.get(1).responses()).containsExactly(Response.text("What is your order number?"));
        assertThat(decision(command).outcome).isEqualTo(Outcome.TAKEN_OVER.name());
    }

    @Test
    void aNoteCommandTandemDoesNotUnderstandIsAnsweredWithANoteExplainingTheCommands() {
        teammateNote("/tandem dance", UNASSIGNED);

        ActionDecided answer = pipeline.awaitActions(conversation, 1).get(0);

        assertThat(answer.type()).isEqualTo(Type.NOTE);
        assertThat(answer.body()).contains("/tandem <number>").contains("/tandem take over");
    }

    @Test
    void sendAssignsToTheBackupContactWithANoteNamingTheGoal() {
        action("Returns", "SEND");
        backup("Returns", "admin", StandIns.ALICE);
        MessageClassified message = customer(UNASSIGNED, Events.classify("I want to return my shoes")
                .branch(Events.RETURNS, 0.86, false, "Send it back within 30 days.").goal("Return an item"));

        List<ActionDecided> actions = pipeline.awaitActions(conversation, 2);

        assertThat(actions).extracting(ActionDecided::type).containsExactly(Type.NOTE, Type.ASSIGN);
        assertThat(actions.get(0).body()).contains("The customer's goal: Return an item");
        assertThat(actions.get(1).assignee()).isEqualTo(Assignee.admin(StandIns.ALICE));
        assertThat(decision(message).rule).isEqualTo("action rule SEND for 'Returns'");
        assertThat(decision(message).outcome).isEqualTo(Outcome.SENT.name());
    }

    @Test
    void doNothingDoesNothing() {
        action("Opening hours", "DO_NOTHING");
        MessageClassified message = customer(UNASSIGNED, Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));

        assertThat(awaitDecision(message).outcome).isEqualTo(Outcome.NOTHING.name());
        assertThat(decision(message).rule).isEqualTo("action rule DO_NOTHING for 'Opening hours'");
        assertThat(pipeline.actionsOf(conversation)).isEmpty();
    }

    // --- who owns the conversation -------------------------------------------------------------------------------

    @Test
    void theAssistantIsSilentOnceAHumanRepliedAndReturnsWhenTheConversationIsAssignedToIt() {
        lifecycle(Kind.ADMIN_REPLIED, "admin", StandIns.ALICE, "Hi, Alice here.", UNASSIGNED);
        MessageClassified afterHuman = customer(UNASSIGNED, Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));
        assertThat(awaitDecision(afterHuman).outcome).isEqualTo(Outcome.SILENT.name());
        assertThat(decision(afterHuman).owner).isEqualTo("human: teammate 100 replied");

        lifecycle(Kind.ASSIGNED, "admin", StandIns.ALICE, "", ASSISTANT);
        customer(ASSISTANT, Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));

        assertThat(pipeline.awaitActions(conversation, 1).get(0).responses())
                .containsExactly(Response.text("We open at 9."));
    }

    @Test
    void theAssistantIsSilentInAConversationAssignedToAHumanOrAnotherTeam() {
        lifecycle(Kind.ASSIGNED, "admin", StandIns.ALICE, "", new Owner(null, StandIns.BILLING));
        MessageClassified inTeam = customer(new Owner(null, StandIns.BILLING), Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));

        assertThat(awaitDecision(inTeam).outcome).isEqualTo(Outcome.SILENT.name());
        assertThat(decision(inTeam).owner).isEqualTo("human: assigned to team 8");
        assertThat(pipeline.actionsOf(conversation)).isEmpty();
    }

    @Test
    void withMonitoringOffOnlyConversationsAssignedToTheAssistantAreAnswered() {
        integration("{\"monitoring\":false}");
        MessageClassified unassigned = customer(UNASSIGNED, Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));
        assertThat(awaitDecision(unassigned).reason).contains("monitoring is off");

        String assignedConversation = conversation = "conv-" + UUID.randomUUID();
        customer(ASSISTANT, Events.classify("when do you open").branch(Events.HOURS, 0.97, false, "We open at 9."));

        assertThat(pipeline.awaitActions(assignedConversation, 1)).extracting(ActionDecided::type)
                .containsExactly(Type.REPLY);
    }

    @Test
    void aWorkspaceWithTheDefaultsDoesNothingInTheUnassignedInbox() {
        workspaces.reset(APP);
        MessageClassified message = customer(UNASSIGNED, Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));

        assertThat(awaitDecision(message).reason)
                .isEqualTo("not assigned to the assistant and monitoring is off (the dialog skill is not ready)");
        assertThat(pipeline.actionsOf(conversation)).isEmpty();
    }

    @Test
    void aConversationInAnotherInboxThanTheMonitoredOneIsLeftAlone() {
        integration("{\"monitoredInbox\":\"7\"}");
        MessageClassified elsewhere = customer(UNASSIGNED, Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));
        assertThat(awaitDecision(elsewhere).reason).isEqualTo("not in the monitored inbox (7)");

        customer(new Owner(null, StandIns.SUPPORT), Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));
        assertThat(pipeline.awaitActions(conversation, 1)).extracting(ActionDecided::type)
                .containsExactly(Type.REPLY);
    }

    @Test
    void theThresholdOfTheWorkspaceDecides() {
        integration("{\"threshold\":0.4}");
        customer(UNASSIGNED, Events.classify("when do you open").branch(Events.HOURS, 0.5, false, "We open at 9."));

        assertThat(pipeline.awaitActions(conversation, 1)).extracting(ActionDecided::type)
                .containsExactly(Type.REPLY);
    }

    @Test
    void tandemNeverActsOnItsOwnParts() {
        MessageClassified ownNote = event(Kind.ADMIN_NOTED, "admin", StandIns.ASSISTANT, "/tandem take over",
                UNASSIGNED, true);
        MessageClassified ownReply = event(Kind.ADMIN_REPLIED, "admin", StandIns.ASSISTANT, "We open at 9.",
                UNASSIGNED, true);

        assertThat(awaitDecision(ownNote).outcome).isEqualTo(Outcome.TRACKED.name());
        assertThat(awaitDecision(ownReply).outcome).isEqualTo(Outcome.TRACKED.name());
        MessageClassified next = customer(UNASSIGNED, Events.classify("when do you open")
                .branch(Events.HOURS, 0.97, false, "We open at 9."));
        // its own reply did not make it a human's conversation
        assertThat(awaitDecision(next).outcome).isEqualTo(Outcome.ANSWERED.name());
        // the decision row is committed before its action is sent: wait for the action
        assertThat(pipeline.awaitActions(conversation, 1)).singleElement()
                .satisfies(reply -> assertThat(reply.causationId()).isEqualTo(next.eventId()));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private MessageClassified customer(Owner owner, Events.Classify classification) {
        MessageClassified message = Events.customer(APP, conversation, owner, classification.build());
        pipeline.produce(message);
        return message;
    }

    private MessageClassified teammateNote(String text, Owner owner) {
        return lifecycle(Kind.ADMIN_NOTED, "admin", StandIns.ALICE, text, owner);
    }

    private void tandemReplied(String text) {
        awaitDecision(event(Kind.ADMIN_REPLIED, "admin", StandIns.ASSISTANT, text, ASSISTANT, true));
    }

    private MessageClassified lifecycle(Kind kind, String authorType, String authorId, String text, Owner owner) {
        MessageClassified message = event(kind, authorType, authorId, text, owner, false);
        awaitDecision(message);
        return message;
    }

    private MessageClassified event(Kind kind, String authorType, String authorId, String text, Owner owner,
            boolean byTandem) {
        MessageClassified message = Events.event(APP, conversation, kind, authorType, authorId, text, owner,
                byTandem);
        pipeline.produce(message);
        return message;
    }

    private DecisionEntity awaitDecision(MessageClassified message) {
        return await().atMost(Pipeline.TIMEOUT).until(() -> findDecision(message), decision -> decision != null);
    }

    private DecisionEntity decision(MessageClassified message) {
        return awaitDecision(message);
    }

    private DecisionEntity findDecision(MessageClassified message) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.findById(message.eventId()));
    }

    private static void integration(String json) {
        operator().body(json).when().put(workspace(APP) + "/integration").then().statusCode(200);
    }

    private static void action(String node, String action) {
        operator().body("{\"action\":\"" + action + "\"}")
                .when().put(workspace(APP) + "/rules/actions/{node}", node).then().statusCode(200);
    }

    private static void backup(String node, String type, String id) {
        operator().body("{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}")
                .when().put(workspace(APP) + "/rules/backup/{node}", node).then().statusCode(200);
    }
}
