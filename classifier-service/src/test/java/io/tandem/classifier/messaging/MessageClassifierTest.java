package io.tandem.classifier.messaging;

import static io.tandem.classifier.Pipeline.WAIT;
import static io.tandem.classifier.Pipeline.header;
import static io.tandem.classifier.Pipeline.message;
import static io.tandem.classifier.Pipeline.newConversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tandem.classifier.AdminApi;
import io.tandem.classifier.Pipeline;
import io.tandem.contracts.ConversationMessageReceived;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.Topics;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class MessageClassifierTest {

    /** The app the service seeds with the demo skill in the test profile. */
    private static final String DEMO_APP = "seeded-test-app";

    @Inject
    ObjectMapper objectMapper;

    private Pipeline pipeline;

    @BeforeEach
    void connect() {
        pipeline = new Pipeline(objectMapper);
    }

    @AfterEach
    void disconnect() {
        pipeline.close();
    }

    @Test
    void classifiesAMessageWithTheDemoSkill() {
        ConversationMessageReceived event = message(DEMO_APP, newConversation(),
                "where is my parcel? it hasn't arrived");
        pipeline.send(event);

        ConsumerRecord<String, String> record = pipeline.awaitClassifications(event.conversationId(), 1).get(0);
        JsonNode json = pipeline.json(record.value());
        assertThat(record.key()).isEqualTo(event.conversationId());
        assertThat(json.path("eventId").asText()).isEqualTo(MessageClassified.idFor(event.eventId()));
        assertThat(json.path("causationId").asText()).isEqualTo(event.eventId());
        assertThat(json.path("appId").asText()).isEqualTo(DEMO_APP);
        assertThat(json.path("skillVersion").asText()).isEqualTo("1");
        assertThat(json.path("text").asText()).isEqualTo(event.text());
        assertThat(json.path("intents").get(0).path("intent").asText()).isEqualTo("order_status");
        assertThat(json.path("nodesVisited").get(0).path("nodeId").asText()).isEqualTo("node_order_status");
        assertThat(json.path("nodesVisited").get(0).path("connectToAgent").asBoolean()).isFalse();
        assertThat(json.path("output").get(0).asText()).startsWith("You can follow your parcel");
        assertThat(json.path("context").path("last_topic").asText()).isEqualTo("order_status");
        assertThat(header(record, "ce_id")).isEqualTo(MessageClassified.idFor(event.eventId()));
        assertThat(header(record, "ce_type")).isEqualTo("io.tandem.MessageClassified.v1");
        assertThat(header(record, "ce_source")).isEqualTo("tandem:classifier-service");
    }

    @Test
    void aRequestForAHumanIsMarkedConnectToAgent() {
        JsonNode json = pipeline.classify(DEMO_APP, "please get me a support agent");
        assertThat(json.path("nodesVisited").get(0).path("title").asText()).isEqualTo("Talk to a human");
        assertThat(json.path("nodesVisited").get(0).path("connectToAgent").asBoolean()).isTrue();
    }

    @Test
    void theSecondTurnSeesTheContextOfTheFirst() {
        String appId = "app-" + UUID.randomUUID();
        AdminApi.putSkill(appId, """
                {"name": "remembers",
                 "intents": [{"intent": "hello", "examples": [{"text": "hello"}, {"text": "hi there"}]}],
                 "dialog_nodes": [
                   {"dialog_node": "again", "conditions": "#hello && $greeted", "output": {"text": "Hello again!"}},
                   {"dialog_node": "first", "conditions": "#hello", "previous_sibling": "again",
                    "context": {"greeted": true}, "output": {"text": "Hello, nice to meet you."}}]}
                """, 1);
        String conversation = newConversation();
        pipeline.send(message(appId, conversation, "hello"));
        pipeline.send(message(appId, conversation, "hi there"));

        List<ConsumerRecord<String, String>> records = pipeline.awaitClassifications(conversation, 2);
        JsonNode first = pipeline.json(records.get(0).value());
        JsonNode second = pipeline.json(records.get(1).value());
        assertThat(first.path("output").get(0).asText()).isEqualTo("Hello, nice to meet you.");
        assertThat(second.path("output").get(0).asText()).isEqualTo("Hello again!");
        assertThat(second.path("context").path("greeted").asBoolean()).isTrue();
    }

    @Test
    void aDuplicateEventIsProcessedOnce() {
        String conversation = newConversation();
        ConversationMessageReceived event = message(DEMO_APP, conversation, "when are you open on saturday?");
        ConversationMessageReceived next = message(DEMO_APP, conversation, "thanks, bye");
        pipeline.send(event);
        pipeline.send(event);
        pipeline.send(next);

        // same key, same partition: once the next event is classified, both copies have been consumed
        await().atMost(WAIT).until(() -> pipeline.classificationsOf(conversation).stream()
                .anyMatch(record -> pipeline.json(record.value()).path("causationId").asText()
                        .equals(next.eventId())));
        assertThat(pipeline.classificationsOf(conversation))
                .extracting(record -> pipeline.json(record.value()).path("eventId").asText())
                .containsExactly(MessageClassified.idFor(event.eventId()), MessageClassified.idFor(next.eventId()));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextRecordIsStillProcessed() {
        String conversation = newConversation();
        ConsumerTask<String, String> deadLetters = pipeline.companion().consumeStrings()
                .fromTopics(Topics.CLASSIFIER_DLQ);
        try {
            pipeline.sendRaw(conversation, "{not json");
            ConversationMessageReceived good = message(DEMO_APP, conversation, "hello there!");
            pipeline.send(good);

            ConsumerRecord<String, String> dead = awaitDeadLetter(deadLetters, conversation);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(header(dead, "dead-letter-reason")).isNotBlank();
            JsonNode json = pipeline.json(pipeline.awaitClassifications(conversation, 1).get(0).value());
            assertThat(json.path("causationId").asText()).isEqualTo(good.eventId());
        } finally {
            deadLetters.stop();
        }
    }

    @Test
    void anEventWithoutItsIdsIsDeadLettered() {
        String conversation = newConversation();
        ConsumerTask<String, String> deadLetters = pipeline.companion().consumeStrings()
                .fromTopics(Topics.CLASSIFIER_DLQ);
        try {
            pipeline.sendRaw(conversation, "{\"text\": \"hi\"}");
            assertThat(header(awaitDeadLetter(deadLetters, conversation), "dead-letter-reason"))
                    .contains("without eventId, appId or conversationId");
            assertThat(pipeline.classificationsOf(conversation)).isEmpty();
        } finally {
            deadLetters.stop();
        }
    }

    @Test
    void anAppWithoutASkillGetsAnEmptyClassification() {
        String appId = "app-without-skill-" + UUID.randomUUID();
        ConversationMessageReceived event = message(appId, newConversation(), "where is my order?");
        pipeline.send(event);

        JsonNode json = pipeline.json(pipeline.awaitClassifications(event.conversationId(), 1).get(0).value());
        assertThat(json.path("eventId").asText()).isEqualTo(MessageClassified.idFor(event.eventId()));
        assertThat(json.path("skillVersion").isNull()).isTrue();
        assertThat(json.path("intents")).isEmpty();
        assertThat(json.path("nodesVisited")).isEmpty();
        assertThat(json.path("output")).isEmpty();
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(ConsumerTask<String, String> deadLetters,
            String conversation) {
        await().atMost(WAIT).until(() -> deadLetters.getRecords().stream()
                .anyMatch(record -> conversation.equals(record.key())));
        return deadLetters.getRecords().stream()
                .filter(record -> conversation.equals(record.key())).findFirst().orElseThrow();
    }
}
