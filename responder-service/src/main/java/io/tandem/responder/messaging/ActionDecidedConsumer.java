package io.tandem.responder.messaging;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.contracts.EventMessages;
import io.tandem.responder.service.ActionPerformer;

/**
 * Performs each decided action and publishes what happened. The record is acknowledged only once the result is
 * on Kafka; a failure sends the action to the dead letter topic.
 */
@ApplicationScoped
public class ActionDecidedConsumer {

    public static final String ACTIONS_IN = "actions-in";
    public static final String RESULTS_OUT = "results-out";
    public static final URI SOURCE = URI.create("tandem:responder-service");

    @Inject
    ActionPerformer performer;

    @Inject
    @Channel(RESULTS_OUT)
    MutinyEmitter<ActionPerformed> results;

    @Incoming(ACTIONS_IN)
    @Blocking
    public void perform(ActionDecided action) {
        ActionPerformed result = performer.perform(action);
        results.sendMessageAndAwait(EventMessages.toMessage(result, SOURCE));
    }
}
