package io.tandem.router.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.EventMessages;

/**
 * Sends ActionDecided events to {@code conversation.actions}; the caller learns of the broker's acknowledgement.
 * At most {@value #MAX_IN_FLIGHT} actions are on their way at once: the emitter holds 128 and the Kafka sink 1,024
 * unacknowledged records, and an action beyond those would be refused at once ("insufficient downstream requests"),
 * so while Kafka is slow the consumer waits here instead, up to {@link #MAX_WAIT}.
 */
@ApplicationScoped
public class ActionPublisher {

    public static final String ACTIONS_OUT = "actions-out";
    static final URI SOURCE = URI.create("tandem:router-service");

    static final int MAX_IN_FLIGHT = 1_000;
    /** The longest a send waits for room: Kafka that acknowledged nothing for this long counts as failed. */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private final MutinyEmitter<ActionDecided> emitter;
    private final MeterRegistry registry;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);
    private final Duration maxWait;

    @Inject
    public ActionPublisher(@Channel(ACTIONS_OUT) MutinyEmitter<ActionDecided> emitter, MeterRegistry registry) {
        this(emitter, registry, MAX_WAIT);
    }

    ActionPublisher(MutinyEmitter<ActionDecided> emitter, MeterRegistry registry, Duration maxWait) {
        this.emitter = emitter;
        this.registry = registry;
        this.maxWait = maxWait;
    }

    /**
     * Hands the actions to the Kafka producer in order, all at once (one partition, an idempotent producer: the order
     * holds).
     *
     * @return completes once Kafka has acknowledged all of them (acks=all)
     */
    public CompletableFuture<Void> send(List<ActionDecided> actions) {
        int permits = Math.min(actions.size(), MAX_IN_FLIGHT);
        try {
            if (!inFlight.tryAcquire(permits, maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return CompletableFuture.failedFuture(new IllegalStateException("no room among the " + MAX_IN_FLIGHT
                        + " actions on their way to Kafka for " + maxWait + ": Kafka acknowledges nothing"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> sent;
        try {
            sent = sendNow(actions);
        } catch (RuntimeException e) {
            inFlight.release(permits);
            throw e;
        }
        return sent.whenComplete((ignored, failure) -> inFlight.release(permits));
    }

    private CompletableFuture<Void> sendNow(List<ActionDecided> actions) {
        List<Uni<Void>> sends = actions.stream()
                .map(action -> emitter.sendMessage(EventMessages.toMessage(action, SOURCE)))
                .toList();
        Uni<Void> all = sends.size() == 1 ? sends.get(0) : Uni.join().all(sends).andFailFast().replaceWithVoid();
        // subscribing hands the records over: the emitter sends them on when subscribed
        return all.subscribeAsCompletionStage().thenRun(() -> actions.forEach(action -> registry
                .counter("tandem.router.actions.decided", "type", action.type().name()).increment()));
    }
}
