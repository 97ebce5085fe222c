package io.tandem.classifier.service;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tandem.classifier.service.dialog.DialogEngine;
import io.tandem.classifier.service.dialog.DialogState;
import io.tandem.classifier.service.dialog.DialogTree;
import io.tandem.classifier.service.dialog.DialogTurn;
import io.tandem.classifier.service.expression.EvaluationScope;
import io.tandem.classifier.service.nlu.EntityExtractor;
import io.tandem.classifier.service.nlu.IntentClassifier;
import io.tandem.contracts.MessageClassified.EntityMatch;
import io.tandem.contracts.MessageClassified.IntentScore;

/**
 * A skill ready to answer messages: its intent classifier, entity extractor and dialog. Immutable and safe to
 * share between threads.
 */
public final class TrainedSkill {

    private final String name;
    private final IntentClassifier intentClassifier;
    private final EntityExtractor entityExtractor;
    private final DialogTree dialog;
    private final double intentThreshold;

    TrainedSkill(String name, IntentClassifier intentClassifier, EntityExtractor entityExtractor, DialogTree dialog,
            double intentThreshold) {
        this.name = name;
        this.intentClassifier = intentClassifier;
        this.entityExtractor = entityExtractor;
        this.dialog = dialog;
        this.intentThreshold = intentThreshold;
    }

    public String name() {
        return name;
    }

    /** Every intent's confidence, highest first, threshold not applied. */
    public List<IntentScore> intentScores(String text) {
        return intentClassifier.scores(text);
    }

    public List<EntityMatch> entities(String text, ZonedDateTime now) {
        return entityExtractor.extract(text, now.toLocalDate());
    }

    public DialogTree dialog() {
        return dialog;
    }

    /**
     * Understands {@code text} and runs one dialog turn.
     *
     * @param context   the conversation's context variables before the turn (not modified)
     * @param state     where the conversation's dialog stands before the turn
     * @param firstTurn whether the conversation has had no turn yet
     * @param seed      what random response variations depend on: the event id, so a replay answers the same
     */
    public SkillResponse respond(String text, Map<String, Object> context, DialogState state, boolean firstTurn,
            ZonedDateTime now, String seed) {
        String input = text == null ? "" : text;
        List<IntentScore> intents = intentClassifier.recognize(input, intentThreshold);
        List<EntityMatch> entities = entityExtractor.extract(input, localTime(now, context).toLocalDate());
        Map<String, Object> updated = new LinkedHashMap<>(context);
        EvaluationScope scope = new EvaluationScope(input, intents, entities, updated, firstTurn, now);
        DialogTurn turn = DialogEngine.run(dialog, scope, state == null ? DialogState.INITIAL : state, seed);
        return new SkillResponse(intents, entities, turn, updated);
    }

    /** Watson resolves relative dates in the time zone the context names ({@code $timezone}), else in UTC. */
    private static ZonedDateTime localTime(ZonedDateTime now, Map<String, Object> context) {
        if (context.get("timezone") instanceof String zone) {
            try {
                return now.withZoneSameInstant(ZoneId.of(zone));
            } catch (DateTimeException unknownZone) {
                return now;
            }
        }
        return now;
    }

    /** A turn with the given context where nothing was asked before. */
    public SkillResponse respond(String text, Map<String, Object> context, boolean firstTurn, ZonedDateTime now) {
        return respond(text, context, DialogState.INITIAL, firstTurn, now, "");
    }
}
