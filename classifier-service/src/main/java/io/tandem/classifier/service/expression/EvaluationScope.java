package io.tandem.classifier.service.expression;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tandem.contracts.MessageClassified.EntityMatch;
import io.tandem.contracts.MessageClassified.IntentScore;

/**
 * What an expression can see during one dialog turn.
 *
 * @param inputText the customer's message
 * @param intents   recognized intents, top first; empty when the message matched none
 * @param entities  entity mentions in the message, in order of appearance
 * @param context   the conversation's context variables; the dialog updates it while the turn runs
 * @param firstTurn whether this is the first turn of the conversation
 * @param now       the time {@code now()} answers
 * @param returningFromDigression whether a node's response is shown again after a digression
 * @param event     what a slot's {@code filled} handler sees as {@code event} ({@code previous_value},
 *                  {@code current_value}); null elsewhere
 */
public record EvaluationScope(
        String inputText,
        List<IntentScore> intents,
        List<EntityMatch> entities,
        Map<String, Object> context,
        boolean firstTurn,
        ZonedDateTime now,
        boolean returningFromDigression,
        Map<String, Object> event) {

    public EvaluationScope(String inputText, List<IntentScore> intents, List<EntityMatch> entities,
            Map<String, Object> context, boolean firstTurn, ZonedDateTime now) {
        this(inputText, intents, entities, context, firstTurn, now, false, null);
    }

    /** The same turn, seen by a node shown again after a digression. */
    public EvaluationScope returning() {
        return new EvaluationScope(inputText, intents, entities, context, firstTurn, now, true, event);
    }

    /** The same turn with its own copy of the context, for looking ahead without changing anything. */
    public EvaluationScope detached() {
        return new EvaluationScope(inputText, intents, entities, new LinkedHashMap<>(context), firstTurn,
                now, returningFromDigression, event);
    }

    /** The same turn (same context) seeing only the given entity mentions. */
    public EvaluationScope withEntities(List<EntityMatch> only) {
        return new EvaluationScope(inputText, intents, only, context, firstTurn, now, returningFromDigression,
                event);
    }

    /** The same turn as a slot's {@code filled} handler sees it: {@code event.previous_value}/{@code current_value}. */
    public EvaluationScope withSlotEvent(Object previousValue, Object currentValue) {
        Map<String, Object> slotEvent = new LinkedHashMap<>();
        slotEvent.put("previous_value", previousValue);
        slotEvent.put("current_value", currentValue);
        return new EvaluationScope(inputText, intents, entities, context, firstTurn, now, returningFromDigression,
                slotEvent);
    }
}
