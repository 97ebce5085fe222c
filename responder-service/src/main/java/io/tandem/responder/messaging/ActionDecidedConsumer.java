package io.tandem.responder.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.contracts.EventMessages;
import io.tandem.responder.config.ResponderConfig;
import io.tandem.responder.service.ActionOutcome;
import io.tandem.responder.service.ActionPerformer;
import io.tandem.responder.service.ConversationLanes;

/**
 * Takes decided actions off Kafka in partition order and hands each to its conversation's lane
 * ({@link ConversationLanes}): a conversation's actions are performed one after the other, different conversations'
 * at the same time. A record is acknowledged only once its outcome is settled (its result on Kafka, or the action
 * parked in PostgreSQL), out of order across conversations; the {@code throttled} commit strategy commits an offset
 * only when every record before it is acknowledged, so nothing is lost on a crash or rebalance (the ledger stops a
 * redelivered action from being performed twice). At most {@code tandem.responder.max-in-flight} records wait or
 * run at once; beyond that the consumer stops taking more.
 */
@ApplicationScoped
public class ActionDecidedConsumer {

    private static final Logger LOG = Logger.getLogger(ActionDecidedConsumer.class);

    public static final String ACTIONS_IN = "actions-in";
    public static final String RESULTS_OUT = "results-out";
    /** Dead letters of actions that were parked (their records long acknowledged), to the same topic as actions-in's. */
    public static final String DEAD_LETTERS_OUT = "dead-letters-out";
    static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final URI SOURCE = URI.create("tandem:responder-service");
    /** Kafka header on a result published again for a redelivered or replayed action that was not performed again. */
    public static final String OUTCOME_HEADER = "tandem-outcome";
    public static final String SKIPPED_DUPLICATE = "skipped-duplicate";

    @Inject
    ActionPerformer performer;

    @Inject
    ConversationLanes lanes;

    @Inject
    ResponderConfig config;

    @Inject
    @Channel(RESULTS_OUT)
    MutinyEmitter<ActionPerformed> results;

    @Inject
    @Channel(DEAD_LETTERS_OUT)
    MutinyEmitter<ActionDecided> deadLetters;

    private Semaphore inFlight;

    @PostConstruct
    void init() {
        inFlight = new Semaphore(config.maxInFlight());
    }

    @Incoming(ACTIONS_IN)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> dispatch(Message<ActionDecided> message) {
        ActionDecided action = message.getPayload();
        if (action == null || action.conversationId() == null || action.type() == null) {
            return message.nack(new IllegalArgumentException("not an ActionDecided with a conversation and a type"));
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            // the service is stopping: the action was not handled, so it is left to redelivery, not dead-lettered
            Thread.currentThread().interrupt();
            LOG.infof("Action %s was not handled before the shutdown; it will be redelivered", action.eventId());
            return CompletableFuture.completedFuture(null);
        }
        lanes.submit(action.conversationId(), TracedLaneTask.of(action, () -> performer.handle(action)))
                // the result is published in the action's trace too
                .whenComplete(Context.current().wrapConsumer((outcome, failure) -> {
                    inFlight.release();
                    if (failure != null && lanes.stopping()) {
                        // cut short by the shutdown: left unacknowledged, Kafka hands it out again (the ledger knows
                        // what was done)
                        LOG.infof("Action %s was cut short by the shutdown; it will be redelivered", action.eventId());
                    } else if (failure != null) {
                        LOG.errorf(failure, "Action %s could not be handled; it goes to the dead letter topic",
                                action.eventId());
                        message.nack(failure);
                    } else {
                        settle(message, outcome);
                    }
                }));
        return CompletableFuture.completedFuture(null);
    }

    private void settle(Message<ActionDecided> message, ActionOutcome outcome) {
        switch (outcome.kind()) {
            case PERFORMED, SKIPPED_DUPLICATE -> publish(outcome).subscribe().with(
                    sent -> message.ack(), message::nack);
            case DEAD_LETTER -> publish(outcome).subscribe().with(
                    sent -> message.nack(new ActionDeadLettered(outcome.deadLetterReason())), message::nack);
            case PARKED, DRY_RUN -> message.ack();
        }
    }

    /** Publishes the outcome's result; completes when Kafka acknowledged it. */
    public Uni<Void> publish(ActionOutcome outcome) {
        Message<ActionPerformed> message = EventMessages.toMessage(outcome.result(), SOURCE);
        if (outcome.kind() == ActionOutcome.Kind.SKIPPED_DUPLICATE) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(OUTCOME_HEADER, SKIPPED_DUPLICATE.getBytes(StandardCharsets.UTF_8));
            message = message.addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(outcome.result().conversationId())
                    .withHeaders(headers)
                    .build());
        }
        return results.sendMessage(message);
    }

    /** Sends a parked action that failed for good to the dead letter topic, with the reason as actions-in's DLQ does. */
    public Uni<Void> deadLetter(ActionDecided action, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        return deadLetters.sendMessage(Message.of(action).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(action.conversationId()).withHeaders(headers).build()));
    }

    /** An action that failed for good: the dead letter topic gets it with this as {@code dead-letter-reason}. */
    static final class ActionDeadLettered extends RuntimeException {

        ActionDeadLettered(String reason) {
            super(reason, null, false, false);
        }
    }
}
