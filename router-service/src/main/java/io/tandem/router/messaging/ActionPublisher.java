package io.tandem.router.messaging;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.EventMessages;

/**
 * Sends ActionDecided events to {@code conversation.actions}; the caller waits for the broker's acknowledgement.
 */
@ApplicationScoped
public class ActionPublisher {

    public static final String ACTIONS_OUT = "actions-out";
    static final URI SOURCE = URI.create("tandem:router-service");

    private final MutinyEmitter<ActionDecided> emitter;
    private final MeterRegistry registry;

    public ActionPublisher(@Channel(ACTIONS_OUT) MutinyEmitter<ActionDecided> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.registry = registry;
    }

    /**
     * Hands the actions to the Kafka producer in order, all at once (one partition, an idempotent producer: the order
     * holds).
     *
     * @return completes once Kafka has acknowledged all of them (acks=all)
     */
    public CompletableFuture<Void> send(List<ActionDecided> actions) {
        List<Uni<Void>> sends = actions.stream()
                .map(action -> emitter.sendMessage(EventMessages.toMessage(action, SOURCE)))
                .toList();
        Uni<Void> all = sends.size() == 1 ? sends.get(0) : Uni.join().all(sends).andFailFast().replaceWithVoid();
        // subscribing hands the records over: the emitter sends them on when subscribed
        return all.subscribeAsCompletionStage().thenRun(() -> actions.forEach(action -> registry
                .counter("tandem.router.actions.decided", "type", action.type().name()).increment()));
    }
}
