package io.tandem.router.messaging;

import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.Topics;
import io.tandem.router.Events;
import io.tandem.router.Outcome;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;
import io.tandem.router.persistence.WorkspaceReset;
import io.tandem.router.service.ConversationMemory;
import io.tandem.testsupport.TandemInfraResource;

/**
 * Deciding keeps each conversation's state in memory, and PostgreSQL stays the truth: a conversation another replica
 * wrote meanwhile, or one stored but no longer in memory, is decided on its stored state.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class ConversationMemoryTest {

    static final String APP = "acme";

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DecisionRepository decisions;

    @Inject
    EntityManager entityManager;

    @Inject
    ConversationMemory memory;

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    WorkspaceReset workspaces;

    @Inject
    @Identifier(ClassifiedRebalanceListener.NAME)
    ClassifiedRebalanceListener rebalance;

    Pipeline pipeline;
    String conversation;

    @BeforeEach
    void monitoringWorkspace() {
        Pipeline.awaitPartitionsAssigned(kafkaClients);
        StandIns.stubDefaults();
        workspaces.reset(APP);
        operator().body("{\"assistantAdminId\":\"991\",\"dialogReady\":true,\"monitoring\":true}")
                .when().put(workspace(APP) + "/integration").then().statusCode(200);
        pipeline = new Pipeline(objectMapper);
        conversation = "conv-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void aConversationAnotherWriterChangedIsStoredAloneAndItsNextEventDecidedOnWhatTheOtherStored() {
        MessageClassified first = confident();
        assertThat(pipeline.awaitActions(conversation, 1)).extracting(ActionDecided::causationId)
                .containsExactly(first.eventId());
        awaitDecision(first);
        assertThat(memory.recall(APP, conversation)).hasValueSatisfying(
                remembered -> assertThat(remembered.version()).isEqualTo(1));
        // as a second replica would in the moment two own the partition: a human replied there, and it stored that
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE router.conversation SET human_owner = 'teammate 100 replied', version = version + 1
                WHERE app_id = :appId AND conversation_id = :conversationId
                """).setParameter("appId", APP).setParameter("conversationId", conversation).executeUpdate());

        // decided from memory before the change is known: answered, and stored without the conversation's state
        MessageClassified unaware = confident();
        assertThat(awaitDecision(unaware).outcome).isEqualTo(Outcome.ANSWERED.name());
        assertThat(pipeline.awaitActions(conversation, 2)).extracting(ActionDecided::causationId)
                .containsExactly(first.eventId(), unaware.eventId());
        await().atMost(Pipeline.TIMEOUT).until(() -> memory.recall(APP, conversation).isEmpty());

        MessageClassified next = confident();

        DecisionEntity decision = awaitDecision(next);
        assertThat(decision.outcome).isEqualTo(Outcome.SILENT.name());
        assertThat(decision.owner).isEqualTo("human: teammate 100 replied");
        assertThat(memory.recall(APP, conversation)).hasValueSatisfying(
                remembered -> assertThat(remembered.version()).isEqualTo(3));
        assertThat(pipeline.actionsOf(conversation)).hasSize(2);
    }

    @Test
    void aPartitionThatComesBackHasItsConversationsReadFromTheDatabaseNotFromMemory() {
        MessageClassified first = confident();
        assertThat(pipeline.awaitActions(conversation, 1)).hasSize(1);
        awaitDecision(first);
        assertThat(memory.recall(APP, conversation)).isPresent();
        // while another replica owned the partition, a human replied there and it stored that; this replica's
        // memory (put back by a decision that finished after the revocation) still has the assistant answering
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE router.conversation SET human_owner = 'teammate 100 replied', version = version + 1
                WHERE app_id = :appId AND conversation_id = :conversationId
                """).setParameter("appId", APP).setParameter("conversationId", conversation).executeUpdate());
        rebalance.onPartitionsAssigned(null, IntStream.range(0, Pipeline.TOPIC_PARTITIONS)
                .mapToObj(partition -> new TopicPartition(Topics.CONVERSATION_CLASSIFIED, partition)).toList());

        MessageClassified next = confident();

        DecisionEntity decision = awaitDecision(next);
        assertThat(decision.outcome).isEqualTo(Outcome.SILENT.name());
        assertThat(decision.owner).isEqualTo("human: teammate 100 replied");
        assertThat(pipeline.actionsOf(conversation)).hasSize(1);
    }

    @Test
    void aStoredConversationNoLongerInMemoryIsReadFromTheDatabase() {
        lifecycleByAlice();
        memory.forget(APP, conversation);

        MessageClassified next = confident();

        DecisionEntity decision = awaitDecision(next);
        assertThat(decision.outcome).isEqualTo(Outcome.SILENT.name());
        assertThat(decision.owner).isEqualTo("human: teammate " + StandIns.ALICE + " replied");
        assertThat(pipeline.actionsOf(conversation)).isEmpty();
    }

    private void lifecycleByAlice() {
        MessageClassified reply = Events.event(APP, conversation, Kind.ADMIN_REPLIED, "admin",
                StandIns.ALICE, "Hi, Alice here.", Owner.UNASSIGNED, false);
        pipeline.produce(reply);
        awaitDecision(reply);
    }

    private MessageClassified confident() {
        MessageClassified message = Events.customer(APP, conversation, Owner.UNASSIGNED,
                Events.classify("when do you open?").branch(Events.HOURS, 0.92, false, "We open at 9.").build());
        pipeline.produce(message);
        return message;
    }

    private DecisionEntity awaitDecision(MessageClassified message) {
        return await().atMost(Pipeline.TIMEOUT).until(
                () -> QuarkusTransaction.requiringNew().call(() -> decisions.findById(message.eventId())),
                decision -> decision != null);
    }
}
