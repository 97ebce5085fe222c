package io.tandem.router.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tandem.contracts.MessageClassified;
import io.tandem.router.service.DecisionService;

/**
 * Consumes MessageClassified from {@code conversation.classified}, decides once per event and emits the actions.
 *
 * <p>The actions are sent before the record is acknowledged: if the service dies after the decision committed
 * but before Kafka took the actions, the record is redelivered and the stored actions are sent then
 * (at-least-once, with deterministic ids for responder-service to de-duplicate). A failure nacks the record into
 * the dead letter topic.
 */
@ApplicationScoped
public class ClassifiedMessageConsumer {

    public static final String CLASSIFIED_IN = "classified-in";
    static final String CLOUD_EVENT_TYPE = "ce_type";
    static final String EXPECTED_TYPE = "io.tandem.MessageClassified.v" + MessageClassified.SCHEMA_VERSION;

    private static final Logger LOG = Logger.getLogger(ClassifiedMessageConsumer.class);

    private final DecisionService decisions;
    private final ActionPublisher publisher;

    public ClassifiedMessageConsumer(DecisionService decisions, ActionPublisher publisher) {
        this.decisions = decisions;
        this.publisher = publisher;
    }

    @Incoming(CLASSIFIED_IN)
    @Blocking
    public void onClassified(MessageClassified message, IncomingKafkaRecordMetadata<String, ?> record) {
        requireMessageClassified(message, record);
        // every log line about this message names it (trace ids come from OpenTelemetry)
        MDC.put("appId", message.appId());
        MDC.put("conversationId", message.conversationId());
        decisions.decideOnce(message).ifPresentOrElse(decision -> {
            publisher.publish(decision.actions());
            decisions.markEmitted(decision);
            LOG.infof("%s with %d action(s) in conversation %s (event %s): %s", decision.outcome(),
                    decision.actions().size(), message.conversationId(), message.eventId(), decision.reason());
        }, () -> LOG.debugf("nothing to send for event %s", message.eventId()));
    }

    /** Rejects what is not a MessageClassified (unreadable JSON, another event type) into the dead letter topic. */
    private static void requireMessageClassified(MessageClassified message,
            IncomingKafkaRecordMetadata<String, ?> record) {
        String position = record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset();
        Header typeHeader = record.getHeaders().lastHeader(CLOUD_EVENT_TYPE);
        String type = typeHeader == null ? null : new String(typeHeader.value(), StandardCharsets.UTF_8);
        if (type != null && !EXPECTED_TYPE.equals(type)) {
            throw new IllegalArgumentException("record at " + position + " has unexpected event type " + type);
        }
        if (message == null || message.eventId() == null || message.appId() == null
                || message.conversationId() == null || message.event() == null || message.event().kind() == null) {
            throw new IllegalArgumentException("record at " + position
                    + " is not a MessageClassified with eventId, appId, conversationId and the event's kind");
        }
    }
}
