package io.tandem.classifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.MessageClassified.EntityMatch;
import io.tandem.contracts.MessageClassified.IntentScore;
import io.tandem.contracts.MessageClassified.VisitedNode;

/** The bundled demo skill, trained as the service trains it, answering messages not among its examples. */
class DemoSkillTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 14, 12, 0, 0, 0, ZoneOffset.UTC);
    private static TrainedSkill skill;

    @BeforeAll
    static void train() throws IOException {
        try (InputStream in = DemoSkillTest.class.getClassLoader().getResourceAsStream("skills/online-store.json")) {
            skill = SkillTrainer.train(new ObjectMapper().readTree(in), 0.2);
        }
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "where is my parcel? it hasn't arrived                | order_status",
        "I still haven't got my package                       | order_status",
        "can you tell me when my order will be delivered      | order_status",
        "tracking info for my shipment please                 | order_status",
        "This backpack is broken, I want a refund             | returns",
        "Can I send the coat back?                            | returns",
        "how can I exchange my sneakers for another size      | returns",
        "Is the shop open on Saturday?                        | opening_hours",
        "what time do you close tonight?                      | opening_hours",
        "I'd rather chat with a real human                    | human_agent",
        "please get me a support agent                        | human_agent",
        "that's everything, see you                           | goodbye",
        "hello there!                                         | greetings"})
    void recognizesParaphrasesItWasNotTrainedOn(String message, String intent) {
        List<IntentScore> intents = respond(message).intents();
        assertThat(intents).isNotEmpty();
        assertThat(intents.get(0).intent()).isEqualTo(intent);
        assertThat(intents.get(0).confidence()).isBetween(0.2, 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the capital of France?", "who won the football match yesterday",
        "book me a flight to London", "my cat is sick", "Do you sell pizza?", "what's the weather in Paris tomorrow"})
    void offTopicMessagesStayUnderTheAnswerThreshold(String message) {
        // confidences are calibrated probabilities: Tandem answers on its own from 0.75 (the workspace default)
        assertThat(skill.intentScores(message).get(0).confidence()).isLessThan(0.75);
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the capital of France?", "who won the football match yesterday",
        "my cat is sick", "what's the weather in Paris tomorrow"})
    void clearlyOffTopicMessagesGetNoIntentAndTheFallbackReply(String message) {
        SkillResponse response = respond(message);
        assertThat(response.intents()).isEmpty();
        assertThat(response.turn().nodesVisited()).extracting(VisitedNode::nodeId)
                .containsExactly("node_anything_else");
    }

    /** What the end-to-end test and the sandbox's quick replies send: Tandem must answer them at 0.75. */
    @ParameterizedTest(name = "\"{0}\" is {1} at 0.75")
    @CsvSource(delimiter = '|', value = {
        "Where is my order?                                   | order_status",
        "Where is my order? It still hasn't arrived.          | order_status",
        "Where is my order? It is late.                       | order_status",
        "Where is my parcel?                                  | order_status",
        "Can I return a jacket that doesn't fit?              | returns",
        "What are your opening hours?                         | opening_hours",
        "When are you open? What are your opening hours?      | opening_hours",
        // the message of ./tandem up's startup check (test-support's PipelineCheck), which must be answered
        "Hello!                                               | greetings",
        "Hi there!                                            | greetings"})
    void theEndToEndMessagesReachTheAnswerThreshold(String message, String intent) {
        IntentScore top = skill.intentScores(message).get(0);
        assertThat(top.intent()).isEqualTo(intent);
        assertThat(top.confidence()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void everyExampleOfTheDemoSkillReachesTheAnswerThreshold() throws IOException {
        try (InputStream in = DemoSkillTest.class.getClassLoader().getResourceAsStream("skills/online-store.json")) {
            for (com.fasterxml.jackson.databind.JsonNode intent : new ObjectMapper().readTree(in).get("intents")) {
                for (com.fasterxml.jackson.databind.JsonNode example : intent.get("examples")) {
                    IntentScore top = skill.intentScores(example.get("text").asText()).get(0);
                    assertThat(top.intent()).as(example.toString()).isEqualTo(intent.get("intent").asText());
                    assertThat(top.confidence()).as(example.toString()).isGreaterThanOrEqualTo(0.75);
                }
            }
        }
    }

    @Test
    void clearlyUnrelatedTextScoresNearZero() {
        assertThat(skill.intentScores("who won the football match yesterday").get(0).confidence()).isLessThan(0.1);
    }

    @Test
    void findsProductsAndOrderNumbers() {
        assertThat(skill.entities("Has order ts-104823 with my new Trainers shipped?",
                java.time.ZonedDateTime.parse("2026-06-01T10:00:00Z"))).containsExactly(
                new EntityMatch("order_number", "order_number", 10, 19, 1.0),
                new EntityMatch("product", "shoes", 32, 40, 1.0));
    }

    @Test
    void answersAnOrderQuestionAndRemembersTheTopic() {
        SkillResponse response = respond("where is my parcel TS-104823? it hasn't arrived");
        assertThat(response.turn().nodesVisited())
                .containsExactly(new VisitedNode("node_order_status", "Order status", false));
        assertThat(response.turn().texts()).singleElement().asString()
                .startsWith("You can follow your parcel with the tracking link");
        assertThat(response.context()).containsEntry("last_topic", "order_status")
                .containsEntry("order_number", "TS-104823");
    }

    @Test
    void fallbackAndWelcomeNodesAreNeverOfferedAsTopicsTheCustomerMightHaveMeant() {
        assertThat(respond("where is my parcel? it hasn't arrived").turn().matchedRootNodes())
                .extracting(match -> match.node().nodeId())
                .contains("node_order_status")
                .doesNotContain("node_anything_else", "node_welcome");
        assertThat(respond("who won the football match yesterday").turn().matchedRootNodes()).isEmpty();
    }

    @Test
    void handsOverToAPersonWithConnectToAgent() {
        SkillResponse response = respond("I'd rather chat with a real human");
        assertThat(response.turn().nodesVisited())
                .containsExactly(new VisitedNode("node_human_agent", "Talk to a human", true));
        assertThat(response.turn().texts()).containsExactly(
                "Of course. I'm handing you over to a member of our team; someone will reply here shortly.");
        assertThat(response.context()).containsEntry("handoff_requested", true);
    }

    @Test
    void welcomesAConversationStartedWithoutText() {
        SkillResponse response = skill.respond("", Map.of(), true, NOW);
        assertThat(response.turn().nodesVisited()).extracting(VisitedNode::nodeId).containsExactly("node_welcome");
    }

    @Test
    void aFirstMessageWithTextIsAnsweredNotWelcomed() {
        assertThat(skill.respond("hello there!", Map.of(), true, NOW).turn().nodesVisited())
                .extracting(VisitedNode::nodeId).containsExactly("node_greetings");
    }

    private static SkillResponse respond(String message) {
        return skill.respond(message, Map.of(), false, NOW);
    }
}
