package io.tandem.router.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.MessageClassified;
import io.tandem.router.Decision;
import io.tandem.router.Outcome;
import io.tandem.router.persistence.ConversationEntity;
import io.tandem.router.persistence.ConversationRepository;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;

/**
 * Decides once per event and remembers whether the actions reached Kafka.
 *
 * <p>The conversation's row is locked, the event's decision looked up (the decision table is the message log),
 * and, for a new event, the decision and the conversation's new state are written in that one transaction. The
 * actions are sent afterwards and {@code emitted_at} is set only once Kafka acknowledged all of them, so a
 * redelivery re-sends the stored actions (same ids) instead of deciding again or losing them.
 */
@ApplicationScoped
public class DecisionService {

    /** Timer of deciding (database included, Kafka excluded), with p50/p99 at /q/metrics. */
    public static final String DECIDING_TIMER = "tandem.router.deciding";
    /** The CPU time of the same, which tells the work apart from waiting for a busy machine's cores. */
    public static final String DECIDING_CPU_TIMER = "tandem.router.deciding.cpu";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final TypeReference<List<ActionDecided>> ACTION_LIST = new TypeReference<>() {
    };

    private final DecisionRules rules;
    private final SettingsService settings;
    private final DecisionRepository decisions;
    private final ConversationRepository conversations;
    private final ConversationStates states;
    private final AgentAvailability availability;
    private final ObjectMapper objectMapper;
    private final Timer deciding;
    private final Timer decidingCpu;

    public DecisionService(DecisionRules rules, SettingsService settings, DecisionRepository decisions,
            ConversationRepository conversations, ConversationStates states, TeammateAvailability availability,
            ObjectMapper objectMapper, MeterRegistry registry) {
        this.rules = rules;
        this.settings = settings;
        this.decisions = decisions;
        this.conversations = conversations;
        this.states = states;
        this.availability = availability;
        this.objectMapper = objectMapper;
        this.deciding = Timer.builder(DECIDING_TIMER)
                .description("time to decide on one classified event, database included")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.decidingCpu = Timer.builder(DECIDING_CPU_TIMER)
                .description("CPU time of this thread deciding on one classified event, database driver included")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /**
     * @return the decision whose actions still have to be sent, or empty when there is nothing to send (no action,
     *         or this event was decided and its actions emitted before)
     */
    @Transactional
    public Optional<Decision> decideOnce(MessageClassified message) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try {
            Instant now = Instant.now();
            ConversationEntity conversation = conversations.lock(message.appId(), message.conversationId(), now);
            DecisionEntity existing = decisions.findById(message.eventId());
            if (existing != null) {
                return existing.emittedAt == null ? Optional.of(toDecision(existing)) : Optional.empty();
            }
            SettingsService.Snapshot workspace = settings.forDecision(message.appId());
            DecisionRules.Verdict verdict = rules.decide(message, workspace.integration(), workspace.rules(),
                    states.read(conversation), availability, now);
            states.write(verdict.next(), conversation);
            conversation.updatedAt = now;
            Decision decision = verdict.decision();
            DecisionEntity entity = toEntity(message, decision, now);
            if (decision.actions().isEmpty()) {
                entity.emittedAt = now;
            }
            decisions.persist(entity);
            return decision.actions().isEmpty() ? Optional.empty() : Optional.of(decision);
        } finally {
            deciding.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            decidingCpu.record(THREADS.getCurrentThreadCpuTime() - cpuStart, TimeUnit.NANOSECONDS);
        }
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
        entity.eventKind = message.event() == null ? null : message.event().kind().name();
        entity.outcome = decision.outcome().name();
        entity.reason = decision.reason();
        entity.rule = decision.rule();
        entity.node = decision.node();
        entity.confidence = decision.confidence();
        entity.owner = decision.owner();
        entity.goal = decision.goal();
        entity.actions = writeActions(decision.actions());
        entity.decidedAt = decidedAt;
        return entity;
    }

    private Decision toDecision(DecisionEntity entity) {
        try {
            return new Decision(entity.classifiedEventId,
                    entity.outcome == null ? Outcome.NOTHING : Outcome.valueOf(entity.outcome), entity.reason,
                    entity.rule, entity.node, entity.confidence, entity.owner, entity.goal,
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
