package io.tandem.ingest;

import java.util.Optional;

import io.tandem.contracts.ConversationMessageReceived.Kind;

/** The Intercom webhook topics Tandem acts on; every other topic is acknowledged and ignored. */
public enum IntercomTopic {

    CONVERSATION_USER_CREATED("conversation.user.created", Kind.CONVERSATION_STARTED),
    CONVERSATION_USER_REPLIED("conversation.user.replied", Kind.CUSTOMER_REPLIED);

    /** Intercom's test notification, sent when a webhook subscription is saved. */
    public static final String PING = "ping";

    private final String topic;
    private final Kind kind;

    IntercomTopic(String topic, Kind kind) {
        this.topic = topic;
        this.kind = kind;
    }

    public String topic() {
        return topic;
    }

    /** What kind of customer message a notification of this topic carries. */
    public Kind kind() {
        return kind;
    }

    public static Optional<IntercomTopic> of(String topic) {
        for (IntercomTopic candidate : values()) {
            if (candidate.topic.equals(topic)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
