package io.tandem.router.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.MessageClassified.IntentScore;
import io.tandem.contracts.MessageClassified.VisitedNode;
import io.tandem.contracts.Topics;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;
import io.tandem.router.rest.SettingsResourceTest;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class ClassifiedMessageConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static KafkaCompanion companion;
    private static ConsumerTask<String, String> actions;
    private static ConsumerTask<String, String> deadLetters;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DecisionRepository decisions;

    @Inject
    KafkaClientService kafkaClients;

    @BeforeAll
    static void startConsuming() {
        companion = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        actions = companion.consumeStrings().fromTopics(Topics.CONVERSATION_ACTIONS);
        deadLetters = companion.consumeStrings().fromTopics(Topics.ROUTER_DLQ);
    }

    @AfterAll
    static void stopConsuming() {
        actions.stop();
        deadLetters.stop();
        companion.close();
    }

    /** The first join of the consumer group can take a while on a fresh broker; tests start once it is in. */
    @BeforeEach
    void awaitPartitionsAssigned() {
        await().atMost(Duration.ofSeconds(90)).until(() -> !kafkaClients.getConsumer(
                ClassifiedMessageConsumer.CLASSIFIED_IN).getAssignments().await().indefinitely().isEmpty());
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
    }

    @Test
    void confidentAnswerBecomesAReplyKeyedByConversationWithCloudEventsHeaders() throws Exception {
        MessageClassified message = confident("app-" + UUID.randomUUID(), "conv-" + UUID.randomUUID());

        produce(message);

        ConsumerRecord<String, String> record = awaitActions(message.conversationId(), 1).get(0);
        ActionDecided action = objectMapper.readValue(record.value(), ActionDecided.class);
        String expectedId = ActionDecided.idFor(message.eventId(), 0);
        assertThat(record.key()).isEqualTo(message.conversationId());
        assertThat(action.eventId()).isEqualTo(expectedId);
        assertThat(action.causationId()).isEqualTo(message.eventId());
        assertThat(action.appId()).isEqualTo(message.appId());
        assertThat(action.type()).isEqualTo(ActionDecided.Type.REPLY);
        assertThat(action.body()).isEqualTo("Your order ships tomorrow.");
        assertThat(action.reason()).isEqualTo("intent order_status at 0.82 ≥ 0.20, mode REPLY");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(expectedId);
        assertThat(header(record, "ce_type")).isEqualTo("io.tandem.ActionDecided.v1");
        assertThat(header(record, "ce_source")).isEqualTo("tandem:router-service");
        assertThat(header(record, "ce_subject")).isEqualTo(message.conversationId());
        assertThat(header(record, "ce_appid")).isEqualTo(message.appId());
        assertThat(header(record, "ce_causationid")).isEqualTo(message.eventId());
    }

    @Test
    void suggestModeLeavesANoteForTheTeammate() throws Exception {
        String appId = workspaceWith("{\"mode\":\"SUGGEST\",\"minConfidence\":0.5}");
        MessageClassified message = confident(appId, "conv-" + UUID.randomUUID());

        produce(message);

        ActionDecided action = parse(awaitActions(message.conversationId(), 1).get(0));
        assertThat(action.type()).isEqualTo(ActionDecided.Type.NOTE);
        assertThat(action.body()).isEqualTo("Suggested answer: Your order ships tomorrow.");
        assertThat(action.reason()).isEqualTo("intent order_status at 0.82 ≥ 0.50, mode SUGGEST");
    }

    @Test
    void handoffRepliesThenAssignsToTheConfiguredTeamInOrder() throws Exception {
        String appId = workspaceWith("{\"mode\":\"REPLY\",\"handoffTeamId\":\"team-42\"}");
        MessageClassified message = classified(appId, "conv-" + UUID.randomUUID(),
                List.of(new IntentScore("agent", 0.9)), List.of(new VisitedNode("node_9", "Human", true)),
                List.of("Connecting you to a colleague."));

        produce(message);

        List<ActionDecided> decided = awaitActions(message.conversationId(), 2).stream().map(this::parse).toList();
        assertThat(decided).extracting(ActionDecided::type)
                .containsExactly(ActionDecided.Type.REPLY, ActionDecided.Type.ASSIGN);
        assertThat(decided).extracting(ActionDecided::eventId)
                .containsExactly(ActionDecided.idFor(message.eventId(), 0), ActionDecided.idFor(message.eventId(), 1));
        assertThat(decided.get(1).assignee())
                .isEqualTo(new ActionDecided.Assignee(ActionDecided.AssigneeType.TEAM, "team-42"));
    }

    @Test
    void duplicateClassifiedEventIsDecidedOnce() throws Exception {
        String appId = "app-" + UUID.randomUUID();
        String conversationId = "conv-" + UUID.randomUUID();
        MessageClassified message = confident(appId, conversationId);
        MessageClassified next = classified(appId, conversationId, List.of(new IntentScore("hours", 0.9)),
                List.of(new VisitedNode("node_2", "Hours", false)), List.of("We open at 9."));

        produce(message);
        produce(message);
        // same key, same partition: once the next event's action is out, both copies have been consumed
        produce(next);

        List<ActionDecided> decided = awaitActions(conversationId, 2).stream().map(this::parse).toList();
        assertThat(decided).extracting(ActionDecided::causationId).containsExactly(message.eventId(), next.eventId());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> actionsOf(conversationId).size() == 2);
        assertThat(decisions.count("conversationId", conversationId)).isEqualTo(2);
    }

    @Test
    void modeOffRecordsTheDecisionWithoutActions() throws Exception {
        String appId = workspaceWith("{\"mode\":\"OFF\"}");
        MessageClassified message = confident(appId, "conv-" + UUID.randomUUID());

        produce(message);

        DecisionEntity decision = await().atMost(TIMEOUT)
                .until(() -> decision(message.eventId()), Optional::isPresent).orElseThrow();
        assertThat(decision.actions).isEqualTo("[]");
        assertThat(decision.reason).isEqualTo("mode OFF");
        assertThat(decision.emittedAt).isNotNull();
        assertThat(actionsOf(message.conversationId())).isEmpty();
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() throws Exception {
        String conversationId = "conv-" + UUID.randomUUID();
        String poison = "{not json at all";
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.CONVERSATION_CLASSIFIED, conversationId, poison))
                .awaitCompletion();
        MessageClassified good = confident("app-" + UUID.randomUUID(), conversationId);

        produce(good);

        assertThat(parse(awaitActions(conversationId, 1).get(0)).causationId()).isEqualTo(good.eventId());
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deadLetters.getRecords())
                .filteredOn(record -> conversationId.equals(record.key()))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.value()).isEqualTo(poison);
                    assertThat(header(record, "dead-letter-topic")).isEqualTo(Topics.CONVERSATION_CLASSIFIED);
                }));
    }

    @Test
    void eventOfAnotherTypeGoesToTheDeadLetterTopic() throws Exception {
        MessageClassified message = confident("app-" + UUID.randomUUID(), "conv-" + UUID.randomUUID());

        produce(message, "io.tandem.ActionDecided.v1");

        await().atMost(TIMEOUT).until(() -> deadLetters.getRecords().stream()
                .anyMatch(record -> message.conversationId().equals(record.key())));
        assertThat(actionsOf(message.conversationId())).isEmpty();
        assertThat(decision(message.eventId())).isEmpty();
    }

    private Optional<DecisionEntity> decision(String classifiedEventId) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.findByIdOptional(classifiedEventId));
    }

    private List<ConsumerRecord<String, String>> awaitActions(String conversationId, int count) {
        await().atMost(TIMEOUT).until(() -> actionsOf(conversationId).size() >= count);
        return actionsOf(conversationId);
    }

    private static List<ConsumerRecord<String, String>> actionsOf(String conversationId) {
        return actions.getRecords().stream().filter(record -> conversationId.equals(record.key())).toList();
    }

    private void produce(MessageClassified message) throws JsonProcessingException {
        produce(message, "io.tandem.MessageClassified.v1");
    }

    /** As classifier-service sends it: JSON value, keyed by conversation, CloudEvents binary-mode headers. */
    private void produce(MessageClassified message, String cloudEventType) throws JsonProcessingException {
        RecordHeaders headers = new RecordHeaders();
        Map.of("ce_specversion", "1.0",
                "ce_id", message.eventId(),
                "ce_type", cloudEventType,
                "ce_source", "tandem:classifier-service",
                "content-type", "application/json")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.CONVERSATION_CLASSIFIED, null, message.conversationId(),
                        objectMapper.writeValueAsString(message), headers))
                .awaitCompletion();
    }

    /** A new workspace with these settings stored through the admin API. */
    private static String workspaceWith(String settingsJson) {
        String appId = "app-" + UUID.randomUUID();
        SettingsResourceTest.admin().contentType(ContentType.JSON).body(settingsJson)
                .when().put(SettingsResourceTest.settingsPath(appId))
                .then().statusCode(200);
        return appId;
    }

    private ActionDecided parse(ConsumerRecord<String, String> record) {
        try {
            return objectMapper.readValue(record.value(), ActionDecided.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not an ActionDecided: " + record.value(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static MessageClassified confident(String appId, String conversationId) {
        return classified(appId, conversationId, List.of(new IntentScore("order_status", 0.82)),
                List.of(new VisitedNode("node_1", "Order status", false)), List.of("Your order ships tomorrow."));
    }

    private static MessageClassified classified(String appId, String conversationId, List<IntentScore> intents,
            List<VisitedNode> nodes, List<String> output) {
        String receivedId = "received-" + UUID.randomUUID();
        return new MessageClassified(MessageClassified.SCHEMA_VERSION, MessageClassified.idFor(receivedId),
                receivedId, appId, conversationId, Instant.now(), "1", "where is my order?", intents, List.of(),
                nodes, output, Map.of("conversation_id", conversationId));
    }
}
