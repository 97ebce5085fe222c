package io.tandem.contracts;

import java.net.URI;
import java.time.ZoneOffset;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The one way a Tandem event becomes a Kafka message: keyed by conversation id, described by CloudEvents
 * headers (binary mode: {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject}, {@code ce_time},
 * plus the extensions {@code ce_appid} and {@code ce_causationid}).
 */
public final class EventMessages {

    /** CloudEvents extension naming the Intercom workspace. */
    public static final String APP_ID_EXTENSION = "appid";
    /** CloudEvents extension naming the causing event. */
    public static final String CAUSATION_ID_EXTENSION = "causationid";

    private EventMessages() {
    }

    /**
     * @param source the producing service, e.g. {@code tandem:ingest-service}
     */
    public static <T extends TandemEvent> Message<T> toMessage(T event, URI source) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId())
                .withType(event.cloudEventType())
                .withSource(source)
                .withSubject(event.conversationId())
                .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(APP_ID_EXTENSION, event.appId())
                .withExtension(CAUSATION_ID_EXTENSION, event.causationId())
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.conversationId())
                .build();
        return Message.of(event).addMetadata(cloudEvent).addMetadata(kafka);
    }
}
