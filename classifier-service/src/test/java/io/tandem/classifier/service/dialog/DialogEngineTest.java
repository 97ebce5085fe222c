package io.tandem.classifier.service.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.classifier.service.SkillResponse;
import io.tandem.classifier.service.SkillTrainer;
import io.tandem.classifier.service.TrainedSkill;
import io.tandem.contracts.MessageClassified.VisitedNode;

class DialogEngineTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 14, 12, 0, 0, 0, ZoneOffset.UTC);

    /** Nodes listed out of dialog order: previous_sibling decides, not the array. */
    private static final TrainedSkill SKILL = train("""
            {
              "name": "dialog rules",
              "intents": [
                {"intent": "hello", "examples": [{"text": "hello"}, {"text": "hi there"}]},
                {"intent": "bye", "examples": [{"text": "goodbye"}, {"text": "bye now"}]},
                {"intent": "order", "examples": [{"text": "where is my order"}, {"text": "track my parcel"}]},
                {"intent": "agent", "examples": [{"text": "talk to a human"}, {"text": "real person please"}]}
              ],
              "entities": [
                {"entity": "size", "values": [{"type": "synonyms", "value": "large", "synonyms": ["XL", "big"]}]}
              ],
              "dialog_nodes": [
                {"dialog_node": "fallback", "conditions": "anything_else", "previous_sibling": "folder",
                 "output": {"text": {"values": ["Sorry?"], "selection_policy": "sequential"}}},
                {"dialog_node": "hello", "title": "Hello", "conditions": "#hello", "previous_sibling": "greeted",
                 "context": {"greeted": true, "said": "<? input.text ?>"},
                 "output": {"text": "Hello!"}},
                {"dialog_node": "greeted", "title": "Hello again", "conditions": "#hello && $greeted",
                 "output": {"generic": [{"response_type": "text", "selection_policy": "sequential",
                   "values": [{"text": "Hello again, I remember you."}, {"text": "Not shown."}]}]}},
                {"dialog_node": "folder", "type": "folder", "conditions": "$open", "previous_sibling": "hello"},
                {"dialog_node": "in_folder", "title": "Order", "parent": "folder", "conditions": "#order",
                 "output": {"text": "Your order is on its way."}},
                {"dialog_node": "agent", "conditions": "#agent", "previous_sibling": "fallback", "disabled": true,
                 "output": {"text": "disabled"}}
              ]
            }
            """);

    static TrainedSkill train(String workspace) {
        try {
            return SkillTrainer.train(new ObjectMapper().readTree(workspace), 0.2);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SkillResponse respond(TrainedSkill skill, String text, Map<String, Object> context) {
        return skill.respond(text, context, false, NOW);
    }

    @Test
    void rootNodesAreTriedInSiblingOrder() {
        SkillResponse first = respond(SKILL, "hello", Map.of());
        assertThat(first.turn().nodesVisited()).containsExactly(new VisitedNode("hello", "Hello", false));
        assertThat(first.turn().texts()).containsExactly("Hello!");
    }

    @Test
    void aLaterTurnSeesContextSetByAnEarlierOne() {
        SkillResponse first = respond(SKILL, "hello", Map.of());
        assertThat(first.context()).containsEntry("greeted", true).containsEntry("said", "hello");
        SkillResponse second = respond(SKILL, "hi there", first.context());
        assertThat(second.turn().nodesVisited()).extracting(VisitedNode::nodeId).containsExactly("greeted");
        assertThat(second.turn().texts()).containsExactly("Hello again, I remember you.");
    }

    @Test
    void foldersAreEnteredOnlyWhenTheirConditionHolds() {
        assertThat(respond(SKILL, "where is my order", Map.of()).turn().nodesVisited())
                .extracting(VisitedNode::nodeId).containsExactly("fallback");
        assertThat(respond(SKILL, "where is my order", Map.of("open", true)).turn().texts())
                .containsExactly("Your order is on its way.");
    }

    @Test
    void disabledNodesAreSkipped() {
        assertThat(respond(SKILL, "talk to a human", Map.of()).turn().nodesVisited())
                .extracting(VisitedNode::nodeId).containsExactly("fallback");
    }

    @Test
    void theFirstMatchingResponseConditionAnswers() {
        TrainedSkill skill = train("""
                {"intents": [{"intent": "size", "examples": [{"text": "which size should I take"}]}],
                 "entities": [{"entity": "size", "values": [{"value": "large", "synonyms": ["XL"]}]}],
                 "dialog_nodes": [
                   {"dialog_node": "size", "conditions": "#size", "output": {}, "context": {"asked": "size"}},
                   {"dialog_node": "rc_large", "type": "response_condition", "parent": "size",
                    "conditions": "@size:large", "output": {"text": "Large it is."}, "context": {"size": "large"}},
                   {"dialog_node": "rc_default", "type": "response_condition", "parent": "size",
                    "previous_sibling": "rc_large", "output": {"text": "We run true to size."}}
                 ]}
                """);
        SkillResponse large = respond(skill, "which size should I take, XL?", Map.of());
        assertThat(large.turn().texts()).containsExactly("Large it is.");
        assertThat(large.context()).containsEntry("asked", "size").containsEntry("size", "large");
        assertThat(respond(skill, "which size should I take", Map.of()).turn().texts())
                .containsExactly("We run true to size.");
    }

    @Test
    void jumpsContinueTheTurnAndChildrenWaitOtherwise() {
        TrainedSkill skill = train("""
                {"intents": [{"intent": "order", "examples": [{"text": "where is my order"}]}],
                 "dialog_nodes": [
                   {"dialog_node": "order", "title": "Order", "conditions": "#order", "output": {"text": "Checking."},
                    "next_step": {"behavior": "jump_to", "selector": "body", "dialog_node": "details"}},
                   {"dialog_node": "ask", "conditions": "anything_else", "previous_sibling": "order",
                    "output": {"text": "Anything else?"}},
                   {"dialog_node": "details", "parent": "ask", "conditions": "true",
                    "output": {"text": "It ships tomorrow."}}
                 ]}
                """);
        SkillResponse jumped = respond(skill, "where is my order", Map.of());
        assertThat(jumped.turn().nodesVisited()).extracting(VisitedNode::nodeId).containsExactly("order", "details");
        assertThat(jumped.turn().texts()).containsExactly("Checking.", "It ships tomorrow.");
        assertThat(respond(skill, "something else", Map.of()).turn().nodesVisited())
                .extracting(VisitedNode::nodeId).containsExactly("ask");
    }

    @Test
    void connectToAgentIsReportedForTheNodeThatAsksForIt() {
        TrainedSkill skill = train("""
                {"intents": [{"intent": "agent", "examples": [{"text": "talk to a human"}]}],
                 "dialog_nodes": [
                   {"dialog_node": "agent", "title": "Human", "conditions": "#agent", "output": {"generic": [
                     {"response_type": "text", "values": [{"text": "Transferring you."}]},
                     {"response_type": "connect_to_agent", "message_to_human_agent": "wants a human"}]}}
                 ]}
                """);
        SkillResponse response = respond(skill, "talk to a human", Map.of());
        assertThat(response.turn().nodesVisited()).containsExactly(new VisitedNode("agent", "Human", true));
        assertThat(response.turn().texts()).containsExactly("Transferring you.");
    }

    @Test
    void noMatchingNodeMeansNoOutput() {
        TrainedSkill skill = train("""
                {"intents": [{"intent": "a", "examples": [{"text": "alpha"}]}],
                 "dialog_nodes": [{"dialog_node": "a", "conditions": "#a", "output": {"text": "A"}}]}
                """);
        SkillResponse response = respond(skill, "zulu", Map.of());
        assertThat(response.turn().nodesVisited()).isEmpty();
        assertThat(response.turn().texts()).isEmpty();
    }
}
