package io.tandem.router.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.MessageClassified;
import io.tandem.router.Decision;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;

/**
 * Decides once per classified message and remembers whether the actions reached Kafka.
 *
 * <p>The decision row is written in the transaction that marks the event consumed (the row is the message log).
 * Its actions are sent afterwards, and {@code emitted_at} is set only once Kafka acknowledged all of them, so a
 * redelivery after a crash re-sends the stored actions (same ids) instead of deciding again or losing them.
 */
@ApplicationScoped
public class DecisionService {

    private static final TypeReference<List<ActionDecided>> ACTION_LIST = new TypeReference<>() {
    };

    private final DecisionRules rules;
    private final SettingsService settings;
    private final DecisionRepository decisions;
    private final ObjectMapper objectMapper;

    public DecisionService(DecisionRules rules, SettingsService settings, DecisionRepository decisions,
            ObjectMapper objectMapper) {
        this.rules = rules;
        this.settings = settings;
        this.decisions = decisions;
        this.objectMapper = objectMapper;
    }

    /**
     * @return the decision whose actions still have to be sent, or empty when this event was decided and its
     *         actions emitted before (a duplicate)
     */
    @Transactional
    public Optional<Decision> decideOnce(MessageClassified message) {
        DecisionEntity existing = decisions.findById(message.eventId());
        if (existing != null) {
            return existing.emittedAt == null ? Optional.of(toDecision(existing)) : Optional.empty();
        }
        Instant now = Instant.now();
        Decision decision = rules.decide(message, settings.effectiveFor(message.appId()), now);
        if (!decisions.insertIfAbsent(toEntity(message, decision, now))) {
            // a concurrent consumer recorded it first; it also sends the actions
            return Optional.empty();
        }
        if (decision.actions().isEmpty()) {
            decisions.markEmitted(decision.classifiedEventId(), now);
            return Optional.empty();
        }
        return Optional.of(decision);
    }

    @Transactional
    public void markEmitted(Decision decision) {
        decisions.markEmitted(decision.classifiedEventId(), Instant.now());
    }

    private DecisionEntity toEntity(MessageClassified message, Decision decision, Instant decidedAt) {
        DecisionEntity entity = new DecisionEntity();
        entity.classifiedEventId = decision.classifiedEventId();
        entity.appId = message.appId();
        entity.conversationId = message.conversationId();
        entity.reason = decision.reason();
        entity.actions = writeActions(decision.actions());
        entity.decidedAt = decidedAt;
        return entity;
    }

    private Decision toDecision(DecisionEntity entity) {
        try {
            return new Decision(entity.classifiedEventId, entity.reason,
                    objectMapper.readValue(entity.actions, ACTION_LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored actions of " + entity.classifiedEventId + " are unreadable", e);
        }
    }

    private String writeActions(List<ActionDecided> actions) {
        try {
            return objectMapper.writeValueAsString(actions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("actions cannot be written as JSON", e);
        }
    }
}
