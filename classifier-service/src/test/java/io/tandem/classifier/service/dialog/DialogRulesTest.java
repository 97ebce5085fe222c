package io.tandem.classifier.service.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tandem.classifier.service.SkillResponse;
import io.tandem.classifier.service.TrainedSkill;

/**
 * Watson Assistant's rules for digressions from ordinary nodes ({@code digress_out}, {@code digress_in}) and for
 * slots that take a new value, over conversations of several turns.
 */
class DialogRulesTest {

    /** A Friday. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 14, 12, 0, 0, 0, ZoneOffset.UTC);

    private static final TrainedSkill DESK = DialogEngineTest.train("""
            {"name": "desk",
             "intents": [
               {"intent": "hello", "examples": [{"text": "hello"}, {"text": "hi there"}]},
               {"intent": "order", "examples": [{"text": "where is my order"}, {"text": "track my parcel"}]},
               {"intent": "ticket", "examples": [{"text": "open a ticket"}, {"text": "report a problem"}]},
               {"intent": "hours", "examples": [{"text": "when are you open"}, {"text": "opening hours"}]},
               {"intent": "survey", "examples": [{"text": "take the survey"}, {"text": "give feedback"}]},
               {"intent": "book", "examples": [{"text": "book a table"}, {"text": "reserve a table"}]}],
             "entities": [{"entity": "sys-date", "values": []}, {"entity": "sys-time", "values": []},
                          {"entity": "sys-number", "values": []}],
             "dialog_nodes": [
               {"dialog_node": "greet", "conditions": "#hello", "output": {"text": "Hello!"}},
               {"dialog_node": "order", "conditions": "#order", "previous_sibling": "greet",
                "digress_out": "allow_returning", "output": {"text": "Order number?"}},
               {"dialog_node": "order_number", "parent": "order", "conditions": "input.text.matches('[0-9]+')",
                "context": {"order": "<? input.text ?>"}, "output": {"text": "Order $order ships tomorrow."}},
               {"dialog_node": "ticket", "conditions": "#ticket", "previous_sibling": "order",
                "digress_out": "allow_all", "output": {"text": "What went wrong?"}},
               {"dialog_node": "ticket_text", "parent": "ticket", "conditions": "input.text.contains('broken')",
                "output": {"text": "Ticket opened."}},
               {"dialog_node": "hours", "conditions": "#hours", "previous_sibling": "ticket",
                "digress_in": "returns", "output": {"text": "We are open 9 to 5."}},
               {"dialog_node": "survey", "conditions": "#survey", "previous_sibling": "hours",
                "digress_in": "not_available", "output": {"text": "Survey: how did we do?"}},
               {"dialog_node": "booking", "type": "frame", "conditions": "#book", "previous_sibling": "survey",
                "output": {"text": "Table for $guests on $date at $time."}},
               {"dialog_node": "slot_date", "type": "slot", "parent": "booking", "variable": "$date"},
               {"dialog_node": "date_input", "type": "event_handler", "event_name": "input", "parent": "slot_date",
                "conditions": "@sys-date", "context": {"date": "@sys-date"}},
               {"dialog_node": "date_prompt", "type": "event_handler", "event_name": "focus", "parent": "slot_date",
                "previous_sibling": "date_input", "output": {"text": "Which day?"}},
               {"dialog_node": "date_changed", "type": "event_handler", "event_name": "filled",
                "parent": "slot_date", "previous_sibling": "date_prompt",
                "conditions": "event.previous_value != null && event.previous_value != event.current_value",
                "output": {"text": "Changed from <? event.previous_value ?> to <? event.current_value ?>."}},
               {"dialog_node": "date_filled", "type": "event_handler", "event_name": "filled",
                "parent": "slot_date", "previous_sibling": "date_changed", "output": {"text": "Day $date."}},
               {"dialog_node": "slot_time", "type": "slot", "parent": "booking", "variable": "$time",
                "previous_sibling": "slot_date"},
               {"dialog_node": "time_input", "type": "event_handler", "event_name": "input", "parent": "slot_time",
                "conditions": "@sys-time", "context": {"time": "@sys-time"}},
               {"dialog_node": "time_prompt", "type": "event_handler", "event_name": "focus", "parent": "slot_time",
                "previous_sibling": "time_input", "output": {"text": "What time?"}},
               {"dialog_node": "slot_guests", "type": "slot", "parent": "booking", "variable": "$guests",
                "previous_sibling": "slot_time"},
               {"dialog_node": "guests_input", "type": "event_handler", "event_name": "input",
                "parent": "slot_guests", "conditions": "@sys-number", "context": {"guests": "@sys-number"}},
               {"dialog_node": "guests_prompt", "type": "event_handler", "event_name": "focus",
                "parent": "slot_guests", "previous_sibling": "guests_input", "output": {"text": "How many?"}},
               {"dialog_node": "fallback", "conditions": "anything_else", "previous_sibling": "booking",
                "output": {"text": "Sorry?"}}]}
            """);

    private static final class Customer {
        private Map<String, Object> context = new LinkedHashMap<>();
        private DialogState state = DialogState.INITIAL;
        private int turn;

        SkillResponse says(String text) {
            SkillResponse response = DESK.respond(text, context, state, turn == 0, NOW, "event-" + turn++);
            context = response.context();
            state = response.turn().state();
            return response;
        }
    }

    @Test
    void allowReturningDigressesOnlyToNodesThatReturn() {
        Customer customer = new Customer();
        customer.says("where is my order");

        SkillResponse hello = customer.says("hello");
        assertThat(hello.turn().texts()).containsExactly("Order number?");
        assertThat(hello.turn().nodeIds()).containsExactly("order");
        assertThat(hello.turn().awaitingInput()).isTrue();

        SkillResponse hours = customer.says("when are you open");
        assertThat(hours.turn().texts()).containsExactly("We are open 9 to 5.", "Order number?");
        assertThat(hours.turn().awaitingInput()).isTrue();

        assertThat(customer.says("104823").turn().texts()).containsExactly("Order 104823 ships tomorrow.");
    }

    @Test
    void allowAllDigressesToNodesThatDoNotReturn() {
        Customer customer = new Customer();
        customer.says("open a ticket");
        SkillResponse hello = customer.says("hello");
        assertThat(hello.turn().texts()).containsExactly("Hello!");
        assertThat(hello.turn().awaitingInput()).isFalse();
    }

    @Test
    void aNodeNotAvailableToDigressionsIsReachedOnlyFromTheRootLevel() {
        Customer customer = new Customer();
        customer.says("open a ticket");
        SkillResponse survey = customer.says("take the survey");
        // the survey is closed to digressions: the next root node that holds, the catch-all, answers
        assertThat(survey.turn().nodeIds()).containsExactly("fallback");
        assertThat(survey.turn().texts()).containsExactly("Sorry?");

        assertThat(customer.says("take the survey").turn().texts()).containsExactly("Survey: how did we do?");
    }

    @Test
    void whenOnlyNodesClosedToDigressionsHoldTheQuestionIsAskedAgain() {
        Customer customer = new Customer();
        customer.says("where is my order");
        SkillResponse survey = customer.says("take the survey");
        assertThat(survey.turn().nodeIds()).containsExactly("order");
        assertThat(survey.turn().texts()).containsExactly("Order number?");
        assertThat(customer.says("104823").turn().texts()).containsExactly("Order 104823 ships tomorrow.");
    }

    @Test
    void aSlotAlreadyFilledTakesTheNewValueAMessageCarries() {
        Customer customer = new Customer();
        assertThat(customer.says("book a table").turn().texts()).containsExactly("Which day?");
        assertThat(customer.says("tomorrow").turn().texts()).containsExactly("Day 2025-03-15.", "What time?");

        SkillResponse changed = customer.says("make it March 20 at 7pm");
        assertThat(changed.turn().texts()).containsExactly("Changed from 2025-03-15 to 2025-03-20.", "How many?");
        // 20 is part of the date, not a number of guests
        assertThat(changed.context()).containsEntry("date", "2025-03-20").containsEntry("time", "19:00:00")
                .doesNotContainKey("guests");

        SkillResponse done = customer.says("4 of us");
        assertThat(done.turn().texts()).containsExactly("Table for 4 on 2025-03-20 at 19:00:00.");
        assertThat(done.turn().awaitingInput()).isFalse();
    }

    @Test
    void repeatingASlotsValueChangesNothing() {
        Customer customer = new Customer();
        customer.says("book a table for tomorrow");
        SkillResponse again = customer.says("tomorrow at 17:30");
        assertThat(again.turn().texts()).containsExactly("How many?");
        assertThat(again.context()).containsEntry("date", "2025-03-15").containsEntry("time", "17:30:00");
    }
}
