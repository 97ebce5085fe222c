package io.tandem.router.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.MessageClassified;
import io.tandem.router.ConversationState;
import io.tandem.router.Decision;
import io.tandem.router.Outcome;
import io.tandem.router.persistence.ConversationRow;
import io.tandem.router.persistence.DecisionLog;
import io.tandem.router.persistence.DecisionRow;
import io.tandem.router.persistence.DecisionWriter;

/**
 * Decides once per event, from memory, and stores the decision behind (write-behind).
 *
 * <p>The conversation's state comes from memory ({@link ConversationMemory}), read from PostgreSQL on first use (a
 * conversation's first event, {@code CONVERSATION_STARTED}, needs no read: there is nothing stored yet); the
 * workspace's settings and rules from {@link SettingsService}'s memory. Deciding then asks PostgreSQL nothing: the
 * caller sends the actions at once and hands the decision to {@link DecisionWriter}, which stores it with the
 * conversation's next state once Kafka took the actions, and the record is acknowledged only after that.
 *
 * <p>An event that may have been decided before is looked up in the decision log first: every event of a partition
 * that is still recovering ({@link RecoveringPartitions}: just given to this instance, after a restart or a
 * rebalance) and a copy of an event this instance decided lately on the conversation. Decided and sent: nothing is
 * sent again. Decided but not noted as sent: its stored actions are sent again, with the same ids, which
 * responder-service performs once. Should another writer have changed the conversation meanwhile after all (two
 * replicas on one partition for a moment), storing finds a newer version: the decision is stored alone and the
 * conversation is read again for its next event.
 */
@ApplicationScoped
public class DecisionService {

    /** What deciding on an event came to. */
    public enum Verdict {
        /** Decided now: send the actions, then {@link #store} the decision. */
        DECIDED,
        /** Decided before, its actions not noted as sent: send them again, then {@link #markEmitted}. */
        SEND_AGAIN,
        /** Decided before and sent: nothing to do. */
        DONE
    }

    /** A decision, with what storing it needs when it was decided now. */
    public record Decided(Verdict verdict, Decision decision, DecisionRow row, ConversationRow next) {
    }

    private static final Logger LOG = Logger.getLogger(DecisionService.class);
    private static final TypeReference<List<ActionDecided>> ACTION_LIST = new TypeReference<>() {
    };

    private final DecisionRules rules;
    private final SettingsService settings;
    private final DecisionLog log;
    private final DecisionWriter writer;
    private final ConversationMemory memory;
    private final RecoveringPartitions partitions;
    private final ConversationStates states;
    private final AgentAvailability availability;
    private final ObjectMapper objectMapper;

    public DecisionService(DecisionRules rules, SettingsService settings, DecisionLog log, DecisionWriter writer,
            ConversationMemory memory, RecoveringPartitions partitions, ConversationStates states,
            TeammateAvailability availability, ObjectMapper objectMapper) {
        this.rules = rules;
        this.settings = settings;
        this.log = log;
        this.writer = writer;
        this.memory = memory;
        this.partitions = partitions;
        this.states = states;
        this.availability = availability;
        this.objectMapper = objectMapper;
    }

    /**
     * @param partition the Kafka partition the event came from (its conversation's), -1 when unknown (then the
     *                  event is always looked up first)
     */
    public Decided decide(MessageClassified message, int partition) {
        String appId = message.appId();
        String conversationId = message.conversationId();
        String eventId = message.eventId();
        Optional<ConversationMemory.Remembered> remembered = memory.recall(appId, conversationId);
        boolean copy = remembered.map(r -> r.decidedLately(eventId)).orElse(false);
        boolean mayBeDecided = copy || !partitions.isSettled(partition);
        if (mayBeDecided) {
            // this instance's own decisions still on their way to PostgreSQL count too
            writer.flush();
        }
        // while the partition recovers, memory is not trusted: another owner may have changed the conversation
        // while this instance did not own it (a decision finishing after the revocation can put it back stale)
        ConversationMemory.Remembered current = mayBeDecided ? null : remembered.orElse(null);
        if (current == null && (mayBeDecided || message.event().kind() != Kind.CONVERSATION_STARTED)) {
            // one round trip: the conversation's state and whether the event was decided
            DecisionLog.Stored stored = log.conversation(appId, conversationId, eventId);
            if (stored.eventDecided()) {
                return before(log.decision(eventId).orElseThrow(() -> new IllegalStateException(
                        "the decision on " + eventId + " vanished")));
            }
            current = stored.conversation()
                    .map(row -> new ConversationMemory.Remembered(states.read(row), row.version(), partition))
                    .orElseGet(() -> fresh(appId, conversationId, partition));
        } else if (current == null) {
            // a conversation's first event: nothing can be stored yet
            current = fresh(appId, conversationId, partition);
        }
        if (mayBeDecided) {
            // the first event of a recovering partition found undecided: the later ones are new
            partitions.settle(partition);
        }
        Instant now = Instant.now();
        SettingsService.Snapshot workspace = settings.forDecision(appId);
        DecisionRules.Verdict verdict = rules.decide(message, workspace.integration(), workspace.rules(),
                current.state(), availability, now);
        Decision decision = verdict.decision();
        ConversationRow next = states.write(verdict.next(), current.version() + 1);
        memory.remember(current.after(eventId, verdict.next(), next.version()));
        return new Decided(Verdict.DECIDED, decision, toRow(message, decision, now), next);
    }

    /**
     * Hands a decision over to be stored once {@code sent} completes (Kafka took its actions).
     *
     * @return completes once it is stored; when it was not stored as decided, the conversation is read again for
     *         its next event
     */
    public CompletableFuture<DecisionLog.Written> store(Decided decided, CompletableFuture<Instant> sent) {
        DecisionRow row = decided.row();
        return writer.store(row, decided.next(), sent).whenComplete((written, failure) -> {
            if (written == DecisionLog.Written.STORED) {
                return;
            }
            memory.forget(row.appId(), row.conversationId());
            if (written == DecisionLog.Written.DUPLICATE) {
                LOG.infof("event %s was decided before, elsewhere: its actions went out again with the same ids",
                        row.classifiedEventId());
            } else if (written == DecisionLog.Written.STALE_CONVERSATION) {
                LOG.warnf("conversation %s was changed by another writer while deciding on %s: the decision is "
                        + "stored alone and the conversation is read again", row.conversationId(),
                        row.classifiedEventId());
            }
        });
    }

    /** Notes that Kafka took every action of a decision sent again. */
    public void markEmitted(Decision decision) {
        log.markEmitted(List.of(decision.classifiedEventId()), Instant.now());
    }

    private static ConversationMemory.Remembered fresh(String appId, String conversationId, int partition) {
        return new ConversationMemory.Remembered(ConversationState.fresh(appId, conversationId), 0, partition);
    }

    private Decided before(DecisionRow stored) {
        Decision decision = toDecision(stored);
        boolean sent = stored.emittedAt() != null || decision.actions().isEmpty();
        return new Decided(sent ? Verdict.DONE : Verdict.SEND_AGAIN, decision, null, null);
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
