package io.tandem.classifier.service.expression;

import java.time.ZonedDateTime;
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
 */
public record EvaluationScope(
        String inputText,
        List<IntentScore> intents,
        List<EntityMatch> entities,
        Map<String, Object> context,
        boolean firstTurn,
        ZonedDateTime now) {
}
