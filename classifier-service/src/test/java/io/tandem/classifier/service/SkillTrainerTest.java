package io.tandem.classifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.classifier.InvalidSkillException;
import io.tandem.classifier.SkillProblem;

class SkillTrainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TrainedSkill train(String workspace) {
        try {
            return SkillTrainer.train(JSON.readTree(workspace), 0.2);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void reportsEveryProblemWithItsField() {
        InvalidSkillException failure = catchThrowableOfType(InvalidSkillException.class, () -> train("""
                {
                  "name": "broken",
                  "intents": [
                    {"intent": "hello", "examples": [{"text": "hi"}]},
                    {"intent": "empty", "examples": []},
                    {"intent": "hello", "examples": [{"text": "hey"}]},
                    {"examples": [{"text": "nameless"}]}
                  ],
                  "entities": [
                    {"entity": "code", "values": [{"type": "patterns", "value": "code", "patterns": ["[a-"]}]}
                  ],
                  "dialog_nodes": [
                    {"dialog_node": "a", "conditions": "#hello = true", "output": {}},
                    {"dialog_node": "b", "conditions": "#hello", "previous_sibling": "a",
                     "output": {"text": "Hi <? $name.frobnicate('x') ?>"}},
                    {"dialog_node": "c", "conditions": "anything_else", "previous_sibling": "ghost"},
                    {"dialog_node": "d", "conditions": "true", "parent": "nowhere"},
                    {"dialog_node": "e", "conditions": "true", "previous_sibling": "b",
                     "next_step": {"behavior": "jump_to", "selector": "body", "dialog_node": "missing"}},
                    {"dialog_node": "f", "type": "teleport", "conditions": "true", "previous_sibling": "e"}
                  ]
                }
                """));
        assertThat(failure.problems()).extracting(SkillProblem::field).containsExactlyInAnyOrder(
                "intents[1].examples",
                "intents[2].intent",
                "intents[3].intent",
                "entities[0].values[0].patterns[0]",
                "dialog_nodes[0].conditions",
                "dialog_nodes[1].output.text",
                "dialog_nodes[2].previous_sibling",
                "dialog_nodes[3].parent",
                "dialog_nodes[4].next_step.dialog_node",
                "dialog_nodes[5].type");
        assertThat(failure.problems()).filteredOn(problem -> problem.field().equals("dialog_nodes[0].conditions"))
                .singleElement().extracting(SkillProblem::detail).asString()
                .contains("#hello = true").contains("'='");
    }

    private static SkillProblem onlyProblem(String workspace) {
        InvalidSkillException failure = catchThrowableOfType(InvalidSkillException.class, () -> train(workspace));
        assertThat(failure).as("training fails").isNotNull();
        assertThat(failure.problems()).hasSize(1);
        return failure.problems().get(0);
    }

    @Test
    void anUnknownParentIsAProblem() {
        SkillProblem problem = onlyProblem("""
                {"dialog_nodes": [{"dialog_node": "a", "conditions": "true", "parent": "nowhere"}]}
                """);
        assertThat(problem.field()).isEqualTo("dialog_nodes[0].parent");
        assertThat(problem.detail()).isEqualTo("no dialog node 'nowhere'");
    }

    @Test
    void anUnknownPreviousSiblingIsAProblem() {
        SkillProblem problem = onlyProblem("""
                {"dialog_nodes": [{"dialog_node": "a", "conditions": "true"},
                                  {"dialog_node": "b", "conditions": "true", "previous_sibling": "ghost"}]}
                """);
        assertThat(problem.field()).isEqualTo("dialog_nodes[1].previous_sibling");
        assertThat(problem.detail()).isEqualTo("no dialog node 'ghost'");
    }

    @Test
    void aParentCycleIsAProblem() {
        InvalidSkillException failure = catchThrowableOfType(InvalidSkillException.class, () -> train("""
                {"dialog_nodes": [{"dialog_node": "root", "conditions": "true"},
                                  {"dialog_node": "a", "conditions": "true", "parent": "b"},
                                  {"dialog_node": "b", "conditions": "true", "parent": "a"}]}
                """));
        assertThat(failure.problems()).extracting(SkillProblem::field)
                .contains("dialog_nodes[1].parent", "dialog_nodes[2].parent");
        assertThat(failure.problems()).filteredOn(problem -> problem.field().equals("dialog_nodes[1].parent"))
                .singleElement().extracting(SkillProblem::detail).asString()
                .contains("its own ancestor").contains("a -> b -> a");
    }

    @Test
    void aSiblingCycleIsAProblem() {
        InvalidSkillException failure = catchThrowableOfType(InvalidSkillException.class, () -> train("""
                {"dialog_nodes": [{"dialog_node": "first", "conditions": "true"},
                                  {"dialog_node": "x", "conditions": "true", "previous_sibling": "y"},
                                  {"dialog_node": "y", "conditions": "true", "previous_sibling": "x"}]}
                """));
        assertThat(failure.problems()).extracting(SkillProblem::detail)
                .anySatisfy(detail -> assertThat(detail).contains("the chain loops"));
    }

    @Test
    void aDuplicateNodeIdIsAProblem() {
        SkillProblem problem = onlyProblem("""
                {"dialog_nodes": [{"dialog_node": "a", "conditions": "true"},
                                  {"dialog_node": "a", "conditions": "false", "previous_sibling": "a"}]}
                """);
        assertThat(problem.field()).isEqualTo("dialog_nodes[1].dialog_node");
        assertThat(problem.detail()).isEqualTo("'a' is defined twice");
    }

    @Test
    void aConditionThatDoesNotParseNamesTheNodeAndThePosition() {
        SkillProblem problem = onlyProblem("""
                {"intents": [{"intent": "hello", "examples": [{"text": "hi"}]}],
                 "dialog_nodes": [{"dialog_node": "greet", "conditions": "#hello && (@size"}]}
                """);
        assertThat(problem.field()).isEqualTo("dialog_nodes[0].conditions");
        assertThat(problem.detail()).startsWith("node 'greet': cannot parse '#hello && (@size' at position 16:");
    }

    @Test
    void aJumpToAMissingNodeIsAProblem() {
        SkillProblem problem = onlyProblem("""
                {"dialog_nodes": [{"dialog_node": "a", "conditions": "true",
                   "next_step": {"behavior": "jump_to", "selector": "body", "dialog_node": "missing"}}]}
                """);
        assertThat(problem.field()).isEqualTo("dialog_nodes[0].next_step.dialog_node");
        assertThat(problem.detail()).isEqualTo("no dialog node 'missing' to jump to");
    }

    @Test
    void anIntentWithoutExamplesIsAProblem() {
        SkillProblem problem = onlyProblem("""
                {"intents": [{"intent": "hello", "examples": [{"text": "hi"}]}, {"intent": "empty"}]}
                """);
        assertThat(problem.field()).isEqualTo("intents[1].examples");
        assertThat(problem.detail()).isEqualTo("intent 'empty' has no examples to learn from");
    }

    @Test
    void rejectsSomethingThatIsNotAWorkspace() {
        assertThatThrownBy(() -> train("[1, 2]")).isInstanceOf(InvalidSkillException.class)
                .hasMessageContaining("workspace");
        assertThatThrownBy(() -> train("{\"intents\": {}}")).isInstanceOf(InvalidSkillException.class)
                .hasMessageContaining("intents: must be an array");
    }

    @Test
    void reportsSiblingChainsThatLoopOrFork() {
        InvalidSkillException failure = catchThrowableOfType(InvalidSkillException.class, () -> train("""
                {"dialog_nodes": [
                  {"dialog_node": "a", "conditions": "true"},
                  {"dialog_node": "b", "conditions": "true"},
                  {"dialog_node": "c", "conditions": "true", "parent": "a", "previous_sibling": "d"},
                  {"dialog_node": "d", "conditions": "true", "parent": "a", "previous_sibling": "c"}
                ]}
                """));
        assertThat(failure.problems()).extracting(SkillProblem::detail).anySatisfy(detail ->
                assertThat(detail).contains("2 nodes at root level have no previous_sibling"));
        assertThat(failure.problems()).extracting(SkillProblem::detail).anySatisfy(detail ->
                assertThat(detail).contains("0 nodes under 'a' have no previous_sibling"));
    }

    @Test
    void trainsAMinimalSkill() {
        TrainedSkill skill = train("""
                {"name": "tiny", "intents": [{"intent": "hello", "examples": [{"text": "hi"}]}]}
                """);
        assertThat(skill.name()).isEqualTo("tiny");
        assertThat(skill.intentScores("hi").get(0).intent()).isEqualTo("hello");
        assertThat(skill.intentScores("hi").get(0).confidence())
                .isGreaterThan(skill.intentScores("the invoice total is wrong").get(0).confidence());
    }
}
