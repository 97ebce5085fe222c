package io.tandem.classifier.service.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tandem.classifier.service.SkillResponse;
import io.tandem.classifier.service.TrainedSkill;
import io.tandem.contracts.MessageClassified.NodeMatch;
import io.tandem.contracts.Response;

/** Conversations of several turns, the dialog state carried from turn to turn as the service carries it. */
class DialogRuntimeTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 14, 12, 0, 0, 0, ZoneOffset.UTC);

    private static final TrainedSkill SHOP = DialogEngineTest.train("""
            {"name": "shop",
             "intents": [
               {"intent": "hello", "examples": [{"text": "hello"}, {"text": "hi there"}]},
               {"intent": "order", "examples": [{"text": "where is my order"}, {"text": "track my parcel"}]},
               {"intent": "hours", "examples": [{"text": "when are you open"}, {"text": "opening hours"}]},
               {"intent": "pizza", "examples": [{"text": "I want a pizza"}, {"text": "order a pizza"}]},
               {"intent": "help", "examples": [{"text": "help"}, {"text": "what can I say"}]}],
             "entities": [{"entity": "size", "values": [{"value": "small"}, {"value": "large", "synonyms": ["big"]}]}],
             "dialog_nodes": [
               {"dialog_node": "greet", "title": "Greeting", "conditions": "#hello", "output": {"generic": [
                 {"response_type": "text", "selection_policy": "sequential",
                  "values": [{"text": "Hello!"}, {"text": "Hello again!"}]}]}},
               {"dialog_node": "order", "title": "Order status", "user_label": "Track an order",
                "conditions": "#order", "previous_sibling": "greet", "digress_out": "allow_all",
                "output": {"text": "<? returning_from_digression ? 'Back to it: number?' : 'Order number?' ?>"}},
               {"dialog_node": "order_number", "parent": "order", "conditions": "input.text.matches('[0-9]+')",
                "context": {"order": "<? input.text ?>"}, "output": {"text": "Order $order ships tomorrow."}},
               {"dialog_node": "hours", "title": "Hours", "conditions": "#hours", "previous_sibling": "order",
                "digress_in": "returns", "output": {"text": "We are open 9 to 5."}},
               {"dialog_node": "pizza", "type": "frame", "title": "Pizza", "conditions": "#pizza",
                "previous_sibling": "hours", "digress_out_slots": "allow_all",
                "output": {"text": "One $size pizza coming up."}},
               {"dialog_node": "slot_size", "type": "slot", "parent": "pizza", "variable": "$size"},
               {"dialog_node": "size_input", "type": "event_handler", "event_name": "input", "parent": "slot_size",
                "conditions": "@size", "context": {"size": "@size"}},
               {"dialog_node": "size_prompt", "type": "event_handler", "event_name": "focus", "parent": "slot_size",
                "previous_sibling": "size_input", "output": {"text": "Which size?"}},
               {"dialog_node": "size_filled", "type": "event_handler", "event_name": "filled", "parent": "slot_size",
                "previous_sibling": "size_prompt", "output": {"text": "Size $size, noted."}},
               {"dialog_node": "size_nomatch", "type": "event_handler", "event_name": "nomatch",
                "parent": "slot_size", "previous_sibling": "size_filled",
                "output": {"text": "Sorry, small or large?"}},
               {"dialog_node": "slot_note", "type": "slot", "parent": "pizza", "variable": "$note",
                "previous_sibling": "slot_size"},
               {"dialog_node": "note_input", "type": "event_handler", "event_name": "input", "parent": "slot_note",
                "conditions": "input.text.contains('extra')", "context": {"note": "<? input.text ?>"}},
               {"dialog_node": "pizza_help", "type": "event_handler", "event_name": "generic", "parent": "pizza",
                "previous_sibling": "slot_note", "conditions": "#help",
                "output": {"text": "Tell me a size: small or large."}},
               {"dialog_node": "fallback", "conditions": "anything_else", "previous_sibling": "pizza",
                "output": {"text": "Sorry?"}}]}
            """);

    /** One customer's conversation: each message sees the context and dialog state the previous one left. */
    private static final class Customer {
        private final TrainedSkill skill;
        private Map<String, Object> context = new LinkedHashMap<>();
        private DialogState state = DialogState.INITIAL;
        private int turn;

        Customer(TrainedSkill skill) {
            this.skill = skill;
        }

        SkillResponse says(String text) {
            SkillResponse response = skill.respond(text, context, state, turn == 0, NOW, "event-" + turn++);
            context = response.context();
            state = response.turn().state();
            return response;
        }
    }

    @Test
    void theChildrenOfTheNodeThatAskedAnswerTheNextMessage() {
        Customer customer = new Customer(SHOP);
        SkillResponse asked = customer.says("where is my order");
        assertThat(asked.turn().texts()).containsExactly("Order number?");
        assertThat(asked.turn().awaitingInput()).isTrue();
        assertThat(asked.turn().continuedBranch()).isFalse();

        SkillResponse answered = customer.says("104823");
        assertThat(answered.turn().nodeIds()).containsExactly("order_number");
        assertThat(answered.turn().texts()).containsExactly("Order 104823 ships tomorrow.");
        assertThat(answered.turn().continuedBranch()).isTrue();
        assertThat(answered.turn().awaitingInput()).isFalse();
        assertThat(answered.turn().branch().nodeId()).isEqualTo("order");
        assertThat(answered.turn().goal()).isEqualTo("Track an order");
        assertThat(answered.context()).containsEntry("order", "104823");
    }

    @Test
    void aDigressionThatReturnsComesBackToTheQuestion() {
        Customer customer = new Customer(SHOP);
        customer.says("where is my order");
        SkillResponse digression = customer.says("when are you open");
        assertThat(digression.turn().nodeIds()).containsExactly("hours", "order");
        assertThat(digression.turn().texts())
                .containsExactly("We are open 9 to 5.", "Back to it: number?");
        assertThat(digression.turn().awaitingInput()).isTrue();
        assertThat(digression.turn().branch().nodeId()).isEqualTo("order");

        assertThat(customer.says("104823").turn().texts()).containsExactly("Order 104823 ships tomorrow.");
    }

    @Test
    void aDigressionThatDoesNotReturnLeavesTheQuestion() {
        Customer customer = new Customer(SHOP);
        customer.says("where is my order");
        SkillResponse hello = customer.says("hello");
        assertThat(hello.turn().texts()).containsExactly("Hello!");
        assertThat(hello.turn().awaitingInput()).isFalse();
        assertThat(customer.says("104823").turn().texts()).containsExactly("Sorry?");
    }

    @Test
    void sequentialVariationsAdvanceOnEachVisitAndStartOver() {
        Customer customer = new Customer(SHOP);
        assertThat(customer.says("hello").turn().texts()).containsExactly("Hello!");
        assertThat(customer.says("hi there").turn().texts()).containsExactly("Hello again!");
        assertThat(customer.says("hello").turn().texts()).containsExactly("Hello!");
    }

    @Test
    void slotsAreFilledAcrossTurnsWithTheirHandlers() {
        Customer customer = new Customer(SHOP);
        SkillResponse asked = customer.says("I want a pizza");
        assertThat(asked.turn().texts()).containsExactly("Which size?");
        assertThat(asked.turn().awaitingInput()).isTrue();
        assertThat(asked.turn().state().waiting().kind()).isEqualTo(DialogState.Kind.SLOTS);

        SkillResponse help = customer.says("help");
        assertThat(help.turn().texts()).containsExactly("Tell me a size: small or large.", "Which size?");

        SkillResponse nomatch = customer.says("blue");
        assertThat(nomatch.turn().texts()).containsExactly("Sorry, small or large?");
        assertThat(nomatch.turn().awaitingInput()).isTrue();

        SkillResponse filled = customer.says("a big one");
        assertThat(filled.turn().texts()).containsExactly("Size large, noted.", "One large pizza coming up.");
        assertThat(filled.turn().continuedBranch()).isTrue();
        assertThat(filled.turn().awaitingInput()).isFalse();
        assertThat(filled.context()).containsEntry("size", "large").doesNotContainKey("note");
    }

    @Test
    void slotsAreFilledFromTheFirstMessageAndOptionalSlotsOnlyWhenMentioned() {
        SkillResponse response = new Customer(SHOP).says("I want a pizza, small, extra cheese");
        assertThat(response.turn().texts()).containsExactly("Size small, noted.", "One small pizza coming up.");
        assertThat(response.context()).containsEntry("size", "small")
                .containsEntry("note", "I want a pizza, small, extra cheese");
    }

    @Test
    void aDigressionFromSlotsReturnsToThePrompt() {
        Customer customer = new Customer(SHOP);
        customer.says("I want a pizza");
        SkillResponse digression = customer.says("when are you open");
        assertThat(digression.turn().texts()).containsExactly("We are open 9 to 5.", "Which size?");
        assertThat(digression.turn().awaitingInput()).isTrue();
        assertThat(customer.says("small").turn().texts())
                .containsExactly("Size small, noted.", "One small pizza coming up.");
    }

    @Test
    void slotsWithoutDigressionsIgnoreOtherTopics() {
        TrainedSkill closed = DialogEngineTest.train(SHOP_WITHOUT_SLOT_DIGRESSIONS);
        Customer customer = new Customer(closed);
        customer.says("I want a pizza");
        assertThat(customer.says("when are you open").turn().texts()).containsExactly("Sorry, small or large?");
    }

    private static final String SHOP_WITHOUT_SLOT_DIGRESSIONS = """
            {"intents": [{"intent": "hours", "examples": [{"text": "when are you open"}]},
                         {"intent": "pizza", "examples": [{"text": "I want a pizza"}]}],
             "entities": [{"entity": "size", "values": [{"value": "small"}, {"value": "large"}]}],
             "dialog_nodes": [
               {"dialog_node": "hours", "conditions": "#hours", "digress_in": "returns",
                "output": {"text": "We are open 9 to 5."}},
               {"dialog_node": "pizza", "type": "frame", "conditions": "#pizza", "previous_sibling": "hours",
                "output": {"text": "One $size pizza coming up."}},
               {"dialog_node": "slot_size", "type": "slot", "parent": "pizza", "variable": "$size"},
               {"dialog_node": "size_input", "type": "event_handler", "event_name": "input", "parent": "slot_size",
                "conditions": "@size", "context": {"size": "@size"}},
               {"dialog_node": "size_prompt", "type": "event_handler", "event_name": "focus", "parent": "slot_size",
                "previous_sibling": "size_input", "output": {"text": "Which size?"}},
               {"dialog_node": "size_nomatch", "type": "event_handler", "event_name": "nomatch",
                "parent": "slot_size", "previous_sibling": "size_prompt",
                "output": {"text": "Sorry, small or large?"}}]}
            """;

    @Test
    void jumpsWaitForInputOrSkipItAsTheirNextStepSays() {
        TrainedSkill skill = DialogEngineTest.train("""
                {"intents": [{"intent": "book", "examples": [{"text": "book a table"}]}],
                 "dialog_nodes": [
                   {"dialog_node": "book", "conditions": "#book", "output": {"text": "For how many people?"},
                    "next_step": {"behavior": "jump_to", "selector": "user_input", "dialog_node": "people"}},
                   {"dialog_node": "other", "conditions": "anything_else", "previous_sibling": "book",
                    "output": {"text": "Pardon?"}},
                   {"dialog_node": "holder", "conditions": "false", "previous_sibling": "other"},
                   {"dialog_node": "people", "parent": "holder", "conditions": "input.text.isNumber()",
                    "context": {"people": "<? input.text.toInt() ?>"}, "output": {"text": "A table for $people."},
                    "next_step": {"behavior": "skip_user_input"}},
                   {"dialog_node": "many", "parent": "people", "conditions": "$people > 6",
                    "output": {"text": "We will join two tables."}},
                   {"dialog_node": "few", "parent": "people", "previous_sibling": "many", "conditions": "true",
                    "output": {"text": "See you soon."}}]}
                """);
        Customer customer = new Customer(skill);
        assertThat(customer.says("book a table").turn().awaitingInput()).isTrue();
        SkillResponse people = customer.says("8");
        assertThat(people.turn().nodeIds()).containsExactly("people", "many");
        assertThat(people.turn().texts()).containsExactly("A table for 8.", "We will join two tables.");
        assertThat(people.turn().continuedBranch()).isTrue();

        customer.says("book a table");
        assertThat(customer.says("lots").turn().texts()).containsExactly("Pardon?");
    }

    @Test
    void randomVariationsDependOnTheEventAndNeverRepeatInARow() {
        TrainedSkill skill = DialogEngineTest.train("""
                {"intents": [{"intent": "hello", "examples": [{"text": "hello"}]}],
                 "dialog_nodes": [{"dialog_node": "hello", "conditions": "#hello", "output": {"text": {
                   "selection_policy": "random", "values": ["One", "Two", "Three", "Four"]}}}]}
                """);
        String first = skill.respond("hello", Map.of(), DialogState.INITIAL, false, NOW, "event-a").turn().texts()
                .get(0);
        assertThat(skill.respond("hello", Map.of(), DialogState.INITIAL, false, NOW, "event-a").turn().texts())
                .containsExactly(first);
        Customer customer = new Customer(skill);
        String previous = customer.says("hello").turn().texts().get(0);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String next = customer.says("hello").turn().texts().get(0);
            assertThat(next).isNotEqualTo(previous);
            seen.add(next);
            previous = next;
        }
        assertThat(seen).hasSizeGreaterThan(2);
    }

    @Test
    void rendersEveryResponseType() {
        TrainedSkill skill = DialogEngineTest.train("""
                {"intents": [{"intent": "menu", "examples": [{"text": "show me the menu"}]}],
                 "dialog_nodes": [{"dialog_node": "menu", "conditions": "#menu", "context": {"guest": "Ada"},
                   "output": {"generic": [
                     {"response_type": "text", "selection_policy": "multiline",
                      "values": [{"text": "Hi $guest."}, {"text": "It is <? 6 * 7 ?> past noon."}]},
                     {"response_type": "pause", "time": 1500, "typing": true},
                     {"response_type": "image", "source": "https://example.com/menu.png", "title": "Menu"},
                     {"response_type": "option", "title": "Pick one", "preference": "button", "options": [
                       {"label": "Pizza", "value": {"input": {"text": "I want a pizza"}}},
                       {"label": "Pasta", "value": {"input": {"text": "pasta please"}}}]},
                     {"response_type": "connect_to_agent", "message_to_human_agent": "$guest wants the chef",
                      "agent_available": {"message": "Here is the chef."},
                      "agent_unavailable": {"message": "The chef is out."}}]}}]}
                """);
        SkillResponse response = skill.respond("show me the menu", Map.of(), false, NOW);
        assertThat(response.turn().responses()).containsExactly(
                Response.text("Hi Ada.\nIt is 42 past noon."),
                Response.pause(1500, true),
                Response.image("https://example.com/menu.png", "Menu", null),
                Response.option("Pick one", null, List.of(new Response.Option("Pizza", "I want a pizza"),
                        new Response.Option("Pasta", "pasta please")), "button"),
                Response.connectToAgent("Ada wants the chef", "Here is the chef.", "The chef is out."));
        assertThat(response.turn().connectToAgent()).isEqualTo(
                Response.connectToAgent("Ada wants the chef", "Here is the chef.", "The chef is out."));
        assertThat(response.turn().nodesVisited().get(0).connectToAgent()).isTrue();
    }

    @Test
    void everyMatchingRootNodeIsListedWithoutChangingAnything() {
        TrainedSkill skill = DialogEngineTest.train("""
                {"intents": [{"intent": "order", "examples": [{"text": "where is my order"}]},
                             {"intent": "refund", "examples": [{"text": "refund my order"}]}],
                 "dialog_nodes": [
                   {"dialog_node": "folder", "type": "folder", "title": "Orders"},
                   {"dialog_node": "status", "parent": "folder", "previous_sibling": "refund", "title": "Status",
                    "conditions": "#order || input.text.contains('order')",
                    "context": {"counted": "<? ($counted ?: 0) + 1 ?>"}, "output": {"text": "Tracking (#$counted)."}},
                   {"dialog_node": "refund", "parent": "folder", "title": "Refund",
                    "conditions": "#refund || @product", "output": {"text": "Refunds take 5 days."}},
                   {"dialog_node": "step", "parent": "refund", "conditions": "true", "output": {"text": "x"}},
                   {"dialog_node": "fallback", "previous_sibling": "folder", "conditions": "anything_else",
                    "output": {"text": "Sorry?"}}]}
                """);
        SkillResponse response = skill.respond("refund my order", Map.of(), false, NOW);
        assertThat(response.turn().nodeIds()).containsExactly("refund");
        assertThat(response.turn().matchedRootNodes()).extracting(match -> match.node().nodeId())
                .containsExactly("refund", "status"); // the catch-all is never offered as a topic
        NodeMatch refund = response.turn().matchedRootNodes().get(0);
        assertThat(refund.confidence()).isEqualTo(response.intents().get(0).confidence());
        assertThat(refund.hasChildren()).isTrue();
        assertThat(refund.response()).containsExactly(Response.text("Refunds take 5 days."));
        NodeMatch status = response.turn().matchedRootNodes().get(1);
        assertThat(status.confidence()).isLessThanOrEqualTo(refund.confidence());
        assertThat(status.response()).containsExactly(Response.text("Tracking (#1)."));
        assertThat(response.context()).doesNotContainKey("counted");
    }
}
