package io.tandem.classifier.messaging;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

import io.micrometer.core.annotation.Timed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tandem.classifier.service.ClassificationService;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.EventMessages;
import io.tandem.contracts.MessageClassified;

/**
 * Consumes conversation events and passes every one on, in order, customer messages with their classification.
 * Each {@link MessageClassified} is sent, and the broker's acknowledgement awaited, inside the transaction that
 * stores the context and marks the event processed: if the send fails nothing is stored and the record is
 * dead-lettered; if the commit fails after the send, redelivery sends the same deterministic event id again, which
 * downstream consumers de-duplicate. On shutdown, {@link ShutdownDrain} lets the events in flight finish first.
 */
@ApplicationScoped
public class MessageClassifier {

    public static final String EVENTS_IN = "events-in";
    public static final String CLASSIFIED_OUT = "classified-out";
    static final URI SOURCE = URI.create("tandem:classifier-service");
    /** The stage's own time per event, for the operator's dashboard (tandem_classifier_classifying_seconds). */
    public static final String CLASSIFYING_TIMER = "tandem.classifier.classifying";

    private final ClassificationService classification;
    private final MutinyEmitter<MessageClassified> classified;
    private final ShutdownDrain drain;

    MessageClassifier(ClassificationService classification,
            @Channel(CLASSIFIED_OUT) MutinyEmitter<MessageClassified> classified, ShutdownDrain drain) {
        this.classification = classification;
        this.classified = classified;
        this.drain = drain;
    }

    @Incoming(EVENTS_IN)
    @Blocking
    @Timed(value = CLASSIFYING_TIMER, description = "Time to classify an event and have Kafka take the result")
    public void onEvent(ConversationEvent event) {
        if (event == null) {
            // the deserializer could not read the record; failing sends it to the dead letter topic as it came
            throw new IllegalArgumentException("record is not a ConversationEvent");
        }
        // every log line about this event names it (trace ids come from OpenTelemetry)
        MDC.put("appId", String.valueOf(event.appId()));
        MDC.put("conversationId", String.valueOf(event.conversationId()));
        drain.started();
        try {
            QuarkusTransaction.requiringNew().run(() -> classification.classify(event)
                    .ifPresent(result -> classified.sendMessageAndAwait(EventMessages.toMessage(result, SOURCE))));
        } finally {
            drain.finished();
        }
    }
}
