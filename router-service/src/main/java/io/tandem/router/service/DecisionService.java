package io.tandem.router.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.MessageClassified;
import io.tandem.router.ConversationState;
import io.tandem.router.Decision;
import io.tandem.router.Outcome;
import io.tandem.router.persistence.ConversationRow;
import io.tandem.router.persistence.DecisionLog;
import io.tandem.router.persistence.DecisionRow;
import io.tandem.router.persistence.EmittedMarks;

/**
 * Decides once per event and remembers whether the actions reached Kafka.
 *
 * <p>The conversation's state comes from memory ({@link ConversationMemory}), read from PostgreSQL on first use
 * (first assumed new, the common case); the workspace's settings and rules from {@link SettingsService}'s memory.
 * The decision and the conversation's next state are written in one statement, which stores nothing when the event
 * was decided before (the decision table is the message log) or the conversation's stored version is not the one
 * its state was read in (another replica wrote it, or it was not new: it is read again and the event decided on
 * it). The actions are sent afterwards and
 * {@code emitted_at} is set (in the background, {@link EmittedMarks}) only once Kafka acknowledged all of them, so a
 * redelivery re-sends the stored actions (same ids) instead of deciding again or losing them.
 */
@ApplicationScoped
public class DecisionService {

    /** The part of deciding spent storing the decision in PostgreSQL (one statement, its commit included). */
    public static final String STORING_TIMER = "tandem.router.deciding.store";

    /** How often deciding reads a conversation again that another writer changed before it gives up. */
    static final int ATTEMPTS = 5;

    private static final TypeReference<List<ActionDecided>> ACTION_LIST = new TypeReference<>() {
    };

    private final DecisionRules rules;
    private final SettingsService settings;
    private final DecisionLog log;
    private final ConversationMemory memory;
    private final ConversationStates states;
    private final AgentAvailability availability;
    private final EmittedMarks emittedMarks;
    private final Timer storingTimer;
    private final ObjectMapper objectMapper;

    public DecisionService(DecisionRules rules, SettingsService settings, DecisionLog log, ConversationMemory memory,
            ConversationStates states, TeammateAvailability availability, EmittedMarks emittedMarks,
            MeterRegistry registry, ObjectMapper objectMapper) {
        this.rules = rules;
        this.settings = settings;
        this.log = log;
        this.memory = memory;
        this.states = states;
        this.availability = availability;
        this.emittedMarks = emittedMarks;
        this.storingTimer = DecidingBuckets.timer(STORING_TIMER, "time deciding spends storing a decision and the "
                + "conversation's next state in PostgreSQL, commit included", registry);
        this.objectMapper = objectMapper;
    }

    /**
     * @param partition the Kafka partition the event came from (its conversation's), -1 when unknown
     * @return the decision whose actions still have to be sent, or empty when there is nothing to send (no action,
     *         or this event was decided and its actions emitted before)
     */
    public Optional<Decision> decideOnce(MessageClassified message, int partition) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // a conversation not in memory is most often new: assume so, and read it should the write find it stored
            boolean firstAttempt = attempt == 1;
            ConversationMemory.Remembered current = memory.recall(message.appId(), message.conversationId())
                    .orElseGet(() -> firstAttempt ? unstored(message, partition)
                            : read(message.appId(), message.conversationId(), partition));
            Instant now = Instant.now();
            SettingsService.Snapshot workspace = settings.forDecision(message.appId());
            DecisionRules.Verdict verdict = rules.decide(message, workspace.integration(), workspace.rules(),
                    current.state(), availability, now);
            Decision decision = verdict.decision();
            ConversationRow next = states.write(verdict.next(), current.version() + 1);
            DecisionRow row = toRow(message, decision, now);
            long storing = System.nanoTime();
            DecisionLog.Written written = log.write(row, next, now);
            storingTimer.record(System.nanoTime() - storing, TimeUnit.NANOSECONDS);
            switch (written) {
                case STORED -> {
                    memory.remember(new ConversationMemory.Remembered(verdict.next(), next.version(), partition));
                    return decision.actions().isEmpty() ? Optional.empty() : Optional.of(decision);
                }
                case DUPLICATE -> {
                    // decided before, maybe by another replica: its state is the stored one
                    memory.forget(message.appId(), message.conversationId());
                    DecisionRow stored = log.decision(message.eventId()).orElseThrow(() -> new IllegalStateException(
                            "the decision on " + message.eventId() + " vanished"));
                    boolean emitted = stored.emittedAt() != null || emittedMarks.noted(message.eventId());
                    return emitted ? Optional.empty() : Optional.of(toDecision(stored));
                }
                case STALE_CONVERSATION -> memory.forget(message.appId(), message.conversationId());
                default -> throw new IllegalStateException("unexpected outcome of storing a decision");
            }
        }
        throw new IllegalStateException("conversation " + message.conversationId() + " kept changing while deciding on "
                + message.eventId() + " (" + ATTEMPTS + " attempts)");
    }

    /** Notes, in the background, that Kafka acknowledged every action of the decision. */
    public void markEmitted(Decision decision) {
        emittedMarks.add(decision.classifiedEventId());
    }

    private static ConversationMemory.Remembered unstored(MessageClassified message, int partition) {
        return new ConversationMemory.Remembered(ConversationState.fresh(message.appId(), message.conversationId()), 0,
                partition);
    }

    private ConversationMemory.Remembered read(String appId, String conversationId, int partition) {
        return log.conversation(appId, conversationId)
                .map(row -> new ConversationMemory.Remembered(states.read(row), row.version(), partition))
                .orElseGet(() -> new ConversationMemory.Remembered(ConversationState.fresh(appId, conversationId), 0,
                        partition));
    }

    private DecisionRow toRow(MessageClassified message, Decision decision, Instant decidedAt) {
        return new DecisionRow(decision.classifiedEventId(), message.appId(), message.conversationId(),
                message.event().kind().name(), decision.outcome().name(), decision.reason(), decision.rule(),
                decision.node(), decision.confidence(), decision.owner(), decision.goal(),
                writeActions(decision.actions()), decidedAt, decision.actions().isEmpty() ? decidedAt : null);
    }

    private Decision toDecision(DecisionRow row) {
        try {
            return new Decision(row.classifiedEventId(),
                    row.outcome() == null ? Outcome.NOTHING : Outcome.valueOf(row.outcome()), row.reason(),
                    row.rule(), row.node(), row.confidence(), row.owner(), row.goal(),
                    objectMapper.readValue(row.actions(), ACTION_LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored actions of " + row.classifiedEventId() + " are unreadable", e);
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
