package io.tandem.classifier.service;

import java.util.List;
import java.util.Map;

import io.tandem.classifier.service.dialog.DialogTurn;
import io.tandem.contracts.MessageClassified.EntityMatch;
import io.tandem.contracts.MessageClassified.IntentScore;

/**
 * A skill's answer to one message.
 *
 * @param intents  recognized intents, top first (none below the threshold)
 * @param entities entity mentions in the message
 * @param turn     the dialog nodes visited and the rendered output
 * @param context  the context variables after the turn
 */
public record SkillResponse(List<IntentScore> intents, List<EntityMatch> entities, DialogTurn turn,
        Map<String, Object> context) {
}
