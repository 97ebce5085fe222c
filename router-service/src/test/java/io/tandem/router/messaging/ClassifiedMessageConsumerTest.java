package io.tandem.router.messaging;

import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
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
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.Topics;
import io.tandem.router.Events;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;
import io.tandem.router.persistence.WorkspaceReset;
import io.tandem.testsupport.TandemInfraResource;

/** How records come in and go out: topics, keys, headers, ids, duplicates and poison. */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class ClassifiedMessageConsumerTest {

    static final String APP = "acme";

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DecisionRepository decisions;

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    WorkspaceReset workspaces;

    @Inject
    @Identifier(ClassifiedRebalanceListener.NAME)
    ClassifiedRebalanceListener rebalance;

    Pipeline pipeline;

    @BeforeEach
    void monitoringWorkspace() {
        Pipeline.awaitPartitionsAssigned(kafkaClients);
        StandIns.stubDefaults();
        workspaces.reset(APP);
        operator().body("{\"assistantAdminId\":\"991\",\"dialogReady\":true,\"monitoring\":true}")
                .when().put(workspace(APP) + "/integration").then().statusCode(200);
        pipeline = new Pipeline(objectMapper);
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void channelsUseTheContractTopics() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("mp.messaging.incoming." + ClassifiedMessageConsumer.CLASSIFIED_IN + ".topic",
                String.class)).isEqualTo(Topics.CONVERSATION_CLASSIFIED);
        assertThat(config.getValue("mp.messaging.incoming." + ClassifiedMessageConsumer.CLASSIFIED_IN
                + ".dead-letter-queue.topic", String.class)).isEqualTo(Topics.ROUTER_DLQ);
        assertThat(config.getValue("mp.messaging.outgoing." + ActionPublisher.ACTIONS_OUT + ".topic",
                String.class)).isEqualTo(Topics.CONVERSATION_ACTIONS);
        assertThat(config.getValue("mp.messaging.incoming." + ClassifiedMessageConsumer.CLASSIFIED_IN
                + ".consumer-rebalance-listener.name", String.class)).isEqualTo(ClassifiedRebalanceListener.NAME);
    }

    @Test
    void aPostgreSqlOutageLongerThanAMinuteDoesNotCloseTheConsumers() {
        // records wait unacknowledged while DecisionWriter retries; SmallRye's default would fail the channel at 60 s
        assertThat(ConfigProvider.getConfig().getValue("mp.messaging.incoming."
                + ClassifiedMessageConsumer.CLASSIFIED_IN + ".throttled.unprocessed-record-max-age.ms", Integer.class))
                .isZero();
    }

    @Test
    void anActionIsKeyedByConversationWithCloudEventsHeadersAndADeterministicId() {
        MessageClassified message = confident(conversation());

        pipeline.produce(message);

        ConsumerRecord<String, String> record = await().atMost(Pipeline.TIMEOUT)
                .until(() -> pipeline.recordsOf(message.conversationId()), records -> !records.isEmpty()).get(0);
        ActionDecided action = pipeline.actionsOf(message.conversationId()).get(0);
        String expectedId = ActionDecided.idFor(message.eventId(), 0);
        assertThat(record.key()).isEqualTo(message.conversationId());
        assertThat(action.eventId()).isEqualTo(expectedId);
        assertThat(action.causationId()).isEqualTo(message.eventId());
        assertThat(action.appId()).isEqualTo(APP);
        assertThat(action.index()).isZero();
        assertThat(action.count()).isEqualTo(1);
        assertThat(Pipeline.header(record, "ce_id")).isEqualTo(expectedId);
        assertThat(Pipeline.header(record, "ce_type")).isEqualTo("io.tandem.ActionDecided.v2");
        assertThat(Pipeline.header(record, "ce_source")).isEqualTo("tandem:router-service");
        assertThat(Pipeline.header(record, "ce_subject")).isEqualTo(message.conversationId());
        assertThat(Pipeline.header(record, "ce_appid")).isEqualTo(APP);
        assertThat(Pipeline.header(record, "ce_causationid")).isEqualTo(message.eventId());
    }

    @Test
    void aRedeliveredEventIsDecidedOnceAndAReplayPublishesNothingNew() {
        String conversationId = conversation();
        MessageClassified message = confident(conversationId);
        MessageClassified next = confident(conversationId);

        pipeline.produce(message);
        pipeline.produce(message);
        // same key, same partition: once the next event's action is out, both copies have been consumed
        pipeline.produce(next);

        List<ActionDecided> decided = pipeline.awaitActions(conversationId, 2);
        assertThat(decided).extracting(ActionDecided::causationId).containsExactly(message.eventId(), next.eventId());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> pipeline.recordsOf(conversationId).size() == 2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> decisions.count("conversationId", conversationId)))
                .isEqualTo(2);
    }

    @Test
    void afterThePartitionsMovedTheirEventsAreLookedUpAndWhatWasDecidedIsNotSentAgain() {
        String conversationId = conversation();
        MessageClassified opening = Events.started(APP, conversationId,
                Events.classify("when do you open?").branch(Events.HOURS, 0.92, false, "We open at 9.").build());
        pipeline.produce(opening);
        pipeline.awaitActions(conversationId, 1);
        await().atMost(Pipeline.TIMEOUT).until(() -> decision(opening.eventId()).isPresent());
        // as after a restart or a rebalance: the decisions were stored, the offsets not committed
        List<TopicPartition> all = IntStream.range(0, Pipeline.TOPIC_PARTITIONS)
                .mapToObj(partition -> new TopicPartition(Topics.CONVERSATION_CLASSIFIED, partition)).toList();
        rebalance.onPartitionsRevoked(null, all);
        rebalance.onPartitionsAssigned(null, all);
        MessageClassified next = confident(conversationId);

        // a conversation's first event needs no read: only the recovering partition has it looked up
        pipeline.produce(opening);
        pipeline.produce(next);

        List<ActionDecided> decided = pipeline.awaitActions(conversationId, 2);
        assertThat(decided).extracting(ActionDecided::causationId).containsExactly(opening.eventId(),
                next.eventId());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> pipeline.recordsOf(conversationId).size() == 2);
    }

    @Test
    void aDecisionStoredButNotSentIsSentAgainWithTheSameIdsWhenRedelivered() {
        String conversationId = conversation();
        MessageClassified message = confident(conversationId);
        pipeline.produce(message);
        ActionDecided first = pipeline.awaitActions(conversationId, 1).get(0);
        await().atMost(Pipeline.TIMEOUT).until(() -> decision(message.eventId()).orElseThrow().emittedAt != null);
        // as if the service died after Kafka took the action but before it noted so
        QuarkusTransaction.requiringNew().run(() -> decisions.update(
                "emittedAt = null where classifiedEventId = ?1", message.eventId()));

        pipeline.produce(message);

        List<ActionDecided> decided = pipeline.awaitActions(conversationId, 2);
        assertThat(decided.get(1).eventId()).isEqualTo(first.eventId());
        assertThat(decided.get(1).responses()).isEqualTo(first.responses());
        // noted again once Kafka took the re-sent action (written in the background)
        await().atMost(Pipeline.TIMEOUT).until(() -> decision(message.eventId()).orElseThrow().emittedAt != null);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String conversationId = conversation();
        String poison = "{not json at all";
        pipeline.produceRaw(new ProducerRecord<>(Topics.CONVERSATION_CLASSIFIED, conversationId, poison));
        MessageClassified good = confident(conversationId);

        pipeline.produce(good);

        assertThat(pipeline.awaitActions(conversationId, 1).get(0).causationId()).isEqualTo(good.eventId());
        await().atMost(Pipeline.TIMEOUT).untilAsserted(() -> assertThat(pipeline.deadLettersOf(conversationId))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.value()).isEqualTo(poison);
                    assertThat(Pipeline.header(record, "dead-letter-topic")).isEqualTo(Topics.CONVERSATION_CLASSIFIED);
                }));
    }

    @Test
    void anEventOfAnotherTypeGoesToTheDeadLetterTopic() {
        MessageClassified message = confident(conversation());

        pipeline.produce(message, "io.tandem.ActionDecided.v2");

        await().atMost(Pipeline.TIMEOUT).until(() -> !pipeline.deadLettersOf(message.conversationId()).isEmpty());
        assertThat(pipeline.recordsOf(message.conversationId())).isEmpty();
        assertThat(decision(message.eventId())).isEmpty();
    }

    private Optional<DecisionEntity> decision(String classifiedEventId) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.findByIdOptional(classifiedEventId));
    }

    private static String conversation() {
        return "conv-" + UUID.randomUUID();
    }

    private static MessageClassified confident(String conversationId) {
        return Events.customer(APP, conversationId, Owner.UNASSIGNED, Events.classify("when do you open?")
                .branch(Events.HOURS, 0.92, false, "We open at 9.").build());
    }
}
