package io.tandem.sandbox;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The webhook topics the sandbox sends: the customer's side of a conversation.
 */
public enum WebhookTopic {
    USER_CREATED("conversation.user.created"),
    USER_REPLIED("conversation.user.replied");

    private final String topic;

    WebhookTopic(String topic) {
        this.topic = topic;
    }

    @JsonValue
    public String topic() {
        return topic;
    }
}
