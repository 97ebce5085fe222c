package io.tandem.router.messaging;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.EventMessages;

/**
 * Sends ActionDecided events to {@code conversation.actions}, waiting for the broker's acknowledgement of each.
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

    /** Sends the actions in order; returns once Kafka has acknowledged all of them (acks=all). */
    public void publish(List<ActionDecided> actions) {
        for (ActionDecided action : actions) {
            emitter.sendMessageAndAwait(EventMessages.toMessage(action, SOURCE));
            registry.counter("tandem.router.actions.decided", "type", action.type().name()).increment();
        }
    }
}
