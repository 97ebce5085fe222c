package io.tandem.classifier.messaging;

import static io.tandem.classifier.Pipeline.WAIT;
import static io.tandem.classifier.Pipeline.event;
import static io.tandem.classifier.Pipeline.header;
import static io.tandem.classifier.Pipeline.message;
import static io.tandem.classifier.Pipeline.newConversation;
import static io.tandem.classifier.Pipeline.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.tandem.classifier.AdminApi;
import io.tandem.classifier.Pipeline;
import io.tandem.classifier.Pipeline.Conversation;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.ConversationEvent.Author;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.Topics;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class MessageClassifierTest {

    /** The app the service seeds with the demo skill in the test profile. */
    private static final String DEMO_APP = "seeded-test-app";
    private static final Author TEAMMATE = new Author("admin", "814", "Grace");
    private static final Author TANDEM = new Author("admin", "991267", "Tandem");

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void classifiesACustomerMessageWithTheDemoSkill() {
        ConversationEvent event = message(DEMO_APP, newConversation(), "where is my parcel? it hasn't arrived");
        pipeline.send(event);

        ConsumerRecord<String, String> record = pipeline.awaitClassifications(event.conversationId(), 1).get(0);
        JsonNode json = pipeline.json(record.value());
        assertThat(record.key()).isEqualTo(event.conversationId());
        assertThat(json.path("eventId").asText()).isEqualTo(MessageClassified.idFor(event.eventId()));
        assertThat(json.path("causationId").asText()).isEqualTo(event.eventId());
        assertThat(json.path("appId").asText()).isEqualTo(DEMO_APP);
        assertThat(json.path("event").path("eventId").asText()).isEqualTo(event.eventId());
        assertThat(json.path("event").path("kind").asText()).isEqualTo("CUSTOMER_REPLIED");
        JsonNode classification = json.path("classification");
        assertThat(classification.path("skillVersion").asText()).isEqualTo("1");
        assertThat(classification.path("text").asText()).isEqualTo(event.part().text());
        assertThat(classification.path("intents").get(0).path("intent").asText()).isEqualTo("order_status");
        double confidence = classification.path("intents").get(0).path("confidence").asDouble();
        assertThat(classification.path("nodesVisited").get(0).path("nodeId").asText()).isEqualTo("node_order_status");
        assertThat(classification.path("nodesVisited").get(0).path("connectToAgent").asBoolean()).isFalse();
        assertThat(texts(classification)).singleElement().asString().startsWith("You can follow your parcel");
        assertThat(classification.path("branch").path("nodeId").asText()).isEqualTo("node_order_status");
        assertThat(classification.path("branch").path("userLabel").asText()).isEqualTo("Track an order");
        assertThat(classification.path("goal").asText()).isEqualTo("Track an order");
        assertThat(classification.path("continuedBranch").asBoolean()).isFalse();
        assertThat(classification.path("awaitingInput").asBoolean()).isFalse();
        assertThat(classification.path("connectToAgent").isNull()).isTrue();
        JsonNode topMatch = classification.path("matchedRootNodes").get(0);
        assertThat(topMatch.path("node").path("nodeId").asText()).isEqualTo("node_order_status");
        assertThat(topMatch.path("confidence").asDouble()).isEqualTo(confidence);
        assertThat(topMatch.path("hasChildren").asBoolean()).isFalse();
        assertThat(topMatch.path("response").get(0).path("text").asText()).startsWith("You can follow your parcel");
        assertThat(classification.path("context").path("last_topic").asText()).isEqualTo("order_status");
        assertThat(header(record, "ce_id")).isEqualTo(MessageClassified.idFor(event.eventId()));
        assertThat(header(record, "ce_type")).isEqualTo("io.tandem.MessageClassified.v2");
        assertThat(header(record, "ce_source")).isEqualTo("tandem:classifier-service");
    }

    @Test
    void aRequestForAHumanCarriesTheConnectToAgentResponse() {
        JsonNode classification = pipeline.classify(DEMO_APP, "please get me a support agent").path("classification");
        assertThat(classification.path("nodesVisited").get(0).path("title").asText()).isEqualTo("Talk to a human");
        assertThat(classification.path("nodesVisited").get(0).path("connectToAgent").asBoolean()).isTrue();
        assertThat(classification.path("connectToAgent").path("type").asText()).isEqualTo("connect_to_agent");
        assertThat(classification.path("connectToAgent").path("messageToHumanAgent").asText())
                .isEqualTo("The customer asked to talk to a person.");
        assertThat(classification.path("responses")).extracting(response -> response.path("type").asText())
                .containsExactly("text", "connect_to_agent");
    }

    @Test
    void everyEventPassesOnInOrderAndOnlyCustomerMessagesAreClassified() {
        String conversation = newConversation();
        List<ConversationEvent> events = List.of(
                message(DEMO_APP, conversation, "where is my order?"),
                event(DEMO_APP, conversation, Kind.ADMIN_REPLIED, "comment", TANDEM, "You can follow your parcel",
                        true),
                event(DEMO_APP, conversation, Kind.ASSIGNED, "assignment", TEAMMATE, "", false),
                event(DEMO_APP, conversation, Kind.ADMIN_NOTED, "note", TEAMMATE, "checking the warehouse", false),
                event(DEMO_APP, conversation, Kind.ADMIN_REPLIED, "comment", TEAMMATE, "It left today.", false),
                event(DEMO_APP, conversation, Kind.CLOSED, "close", TEAMMATE, "", false));
        events.forEach(pipeline::send);

        List<JsonNode> classified = pipeline.awaitClassifications(conversation, events.size()).stream()
                .map(record -> pipeline.json(record.value())).toList();
        assertThat(classified).extracting(json -> json.path("causationId").asText())
                .containsExactlyElementsOf(events.stream().map(ConversationEvent::eventId).toList());
        assertThat(classified).extracting(json -> json.path("event").path("kind").asText())
                .containsExactly("CUSTOMER_REPLIED", "ADMIN_REPLIED", "ASSIGNED", "ADMIN_NOTED", "ADMIN_REPLIED",
                        "CLOSED");
        assertThat(classified.get(0).path("classification").path("intents").get(0).path("intent").asText())
                .isEqualTo("order_status");
        assertThat(classified.subList(1, classified.size()))
                .allSatisfy(json -> assertThat(json.path("classification").isNull()).isTrue());
    }

    @Test
    void aCustomerMessageWrittenByTandemItselfIsNotClassified() {
        ConversationEvent own = event(DEMO_APP, newConversation(), Kind.CUSTOMER_REPLIED, "comment", TANDEM,
                "where is my order?", true);
        pipeline.send(own);
        assertThat(pipeline.awaitClassificationOf(own).path("classification").isNull()).isTrue();
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
        Conversation conversation = pipeline.conversation(appId);
        assertThat(texts(conversation.says("hello"))).containsExactly("Hello, nice to meet you.");
        JsonNode second = conversation.says("hi there");
        assertThat(texts(second)).containsExactly("Hello again!");
        assertThat(second.path("context").path("greeted").asBoolean()).isTrue();
    }

    @Test
    void slotsAreFilledAcrossTurnsWithTheDialogStateKeptInPostgres() {
        String appId = "app-" + UUID.randomUUID();
        AdminApi.putSkill(appId, """
                {"name": "pizza",
                 "intents": [{"intent": "pizza", "examples": [{"text": "I want a pizza"}]}],
                 "entities": [{"entity": "size", "values": [{"value": "small"}, {"value": "large"}]}],
                 "dialog_nodes": [
                   {"dialog_node": "pizza", "type": "frame", "title": "Pizza", "user_label": "Order a pizza",
                    "conditions": "#pizza", "output": {"text": "One $size pizza coming up."}},
                   {"dialog_node": "slot_size", "type": "slot", "parent": "pizza", "variable": "$size"},
                   {"dialog_node": "size_input", "type": "event_handler", "event_name": "input",
                    "parent": "slot_size", "conditions": "@size", "context": {"size": "@size"}},
                   {"dialog_node": "size_prompt", "type": "event_handler", "event_name": "focus",
                    "parent": "slot_size", "previous_sibling": "size_input", "output": {"text": "Which size?"}},
                   {"dialog_node": "fallback", "conditions": "anything_else", "previous_sibling": "pizza",
                    "output": {"text": "Sorry?"}}]}
                """, 1);
        Conversation conversation = pipeline.conversation(appId);
        JsonNode asked = conversation.says("I want a pizza");
        assertThat(texts(asked)).containsExactly("Which size?");
        assertThat(asked.path("awaitingInput").asBoolean()).isTrue();
        assertThat(asked.path("branch").path("nodeId").asText()).isEqualTo("pizza");

        JsonNode filled = conversation.says("large");
        assertThat(texts(filled)).containsExactly("One large pizza coming up.");
        assertThat(filled.path("continuedBranch").asBoolean()).isTrue();
        assertThat(filled.path("awaitingInput").asBoolean()).isFalse();
        assertThat(filled.path("goal").asText()).isEqualTo("Order a pizza");

        assertThat(texts(conversation.says("large"))).containsExactly("Sorry?");
    }

    @Test
    void aReplayedEventChangesNothing() {
        String appId = "app-" + UUID.randomUUID();
        AdminApi.putSkill(appId, """
                {"name": "counts",
                 "intents": [{"intent": "hello", "examples": [{"text": "hello"}, {"text": "hi there"}]}],
                 "dialog_nodes": [
                   {"dialog_node": "hello", "conditions": "#hello", "output": {"generic": [
                     {"response_type": "text", "selection_policy": "sequential",
                      "values": [{"text": "First hello."}, {"text": "Second hello."}, {"text": "Third hello."}]}]},
                    "context": {"hellos": "<? ($hellos ?: 0) + 1 ?>"}}]}
                """, 1);
        String conversation = newConversation();
        ConversationEvent first = message(appId, conversation, "hello");
        ConversationEvent second = message(appId, conversation, "hi there");
        pipeline.send(first);
        pipeline.send(first);
        pipeline.send(second);
        pipeline.send(first);

        // same key, same partition: once the second event is classified, the copies before it were consumed
        JsonNode answer = pipeline.awaitClassificationOf(second).path("classification");
        assertThat(texts(answer)).containsExactly("Second hello.");
        assertThat(answer.path("context").path("hellos").asInt()).isEqualTo(2);
        ConversationEvent third = message(appId, conversation, "hello");
        pipeline.send(third);
        assertThat(texts(pipeline.awaitClassificationOf(third).path("classification")))
                .containsExactly("Third hello.");
        assertThat(pipeline.classificationsOf(conversation))
                .extracting(record -> pipeline.json(record.value()).path("eventId").asText())
                .containsExactly(MessageClassified.idFor(first.eventId()), MessageClassified.idFor(second.eventId()),
                        MessageClassified.idFor(third.eventId()));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextRecordIsStillProcessed() {
        String conversation = newConversation();
        ConsumerTask<String, String> deadLetters = pipeline.companion().consumeStrings()
                .fromTopics(Topics.CLASSIFIER_DLQ);
        try {
            pipeline.sendRaw(conversation, "{not json");
            ConversationEvent good = message(DEMO_APP, conversation, "hello there!");
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
            pipeline.sendRaw(conversation, "{\"part\": {\"text\": \"hi\"}}");
            assertThat(header(awaitDeadLetter(deadLetters, conversation), "dead-letter-reason"))
                    .contains("without eventId, appId, conversationId or kind");
            assertThat(pipeline.classificationsOf(conversation)).isEmpty();
        } finally {
            deadLetters.stop();
        }
    }

    @Test
    void anAppWithoutASkillPassesTheMessageOnUnclassified() {
        String appId = "app-without-skill-" + UUID.randomUUID();
        ConversationEvent event = message(appId, newConversation(), "where is my order?");
        pipeline.send(event);

        JsonNode json = pipeline.awaitClassificationOf(event);
        assertThat(json.path("eventId").asText()).isEqualTo(MessageClassified.idFor(event.eventId()));
        assertThat(json.path("event").path("part").path("text").asText()).isEqualTo("where is my order?");
        assertThat(json.path("classification").isNull()).isTrue();
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(ConsumerTask<String, String> deadLetters,
            String conversation) {
        await().atMost(WAIT).until(() -> deadLetters.getRecords().stream()
                .anyMatch(record -> conversation.equals(record.key())));
        return deadLetters.getRecords().stream()
                .filter(record -> conversation.equals(record.key())).findFirst().orElseThrow();
    }
}
