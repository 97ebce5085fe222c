package io.tandem.classifier.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.tandem.contracts.ConversationMessageReceived;

/**
 * Reads {@link ConversationMessageReceived} records (JSON) from {@link MessageClassifier#EVENTS_IN}.
 */
public class ConversationMessageReceivedDeserializer extends ObjectMapperDeserializer<ConversationMessageReceived> {

    public ConversationMessageReceivedDeserializer() {
        super(ConversationMessageReceived.class);
    }
}
