package io.tandem.classifier.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.tandem.contracts.ConversationEvent;

/**
 * Reads {@link ConversationEvent} records (JSON) from {@link MessageClassifier#EVENTS_IN}.
 */
public class ConversationEventDeserializer extends ObjectMapperDeserializer<ConversationEvent> {

    public ConversationEventDeserializer() {
        super(ConversationEvent.class);
    }
}
