package io.tandem.router.persistence;

import java.io.Serializable;

public record ConversationId(String appId, String conversationId) implements Serializable {

    public ConversationId() {
        this(null, null);
    }
}
