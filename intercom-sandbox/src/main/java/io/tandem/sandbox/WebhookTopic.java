package io.tandem.sandbox;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The webhook topics the sandbox sends: what the customer writes, and what teammates (Tandem's bot among them)
 * do through the REST API, as Intercom announces both, and a teammate's change of away mode.
 */
public enum WebhookTopic {
    USER_CREATED("conversation.user.created"),
    USER_REPLIED("conversation.user.replied"),
    ADMIN_REPLIED("conversation.admin.replied"),
    ADMIN_NOTED("conversation.admin.noted"),
    ADMIN_ASSIGNED("conversation.admin.assigned"),
    ADMIN_CLOSED("conversation.admin.closed"),
    ADMIN_OPENED("conversation.admin.opened"),
    ADMIN_SNOOZED("conversation.admin.snoozed"),
    ADMIN_AWAY_MODE_UPDATED("admin.away_mode_updated");

    private final String topic;

    WebhookTopic(String topic) {
        this.topic = topic;
    }

    @JsonValue
    public String topic() {
        return topic;
    }
}
