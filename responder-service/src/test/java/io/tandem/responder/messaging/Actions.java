package io.tandem.responder.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.Response;
import io.tandem.responder.client.IntercomWireMock;

/**
 * Decided actions as router-service publishes them, each in a conversation of its own unless told otherwise.
 */
final class Actions {

    private static final AtomicLong CONVERSATIONS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private Actions() {
    }

    static String newConversation() {
        return Long.toString(CONVERSATIONS.incrementAndGet());
    }

    static ActionDecided reply(String text) {
        return replyIn(newConversation(), text);
    }

    static ActionDecided replyIn(String conversationId, String... texts) {
        List<Response> responses = new ArrayList<>();
        for (String text : texts) {
            responses.add(Response.text(text));
        }
        return replyWith(conversationId, responses);
    }

    static ActionDecided replyWith(String conversationId, List<Response> responses) {
        return action("local", conversationId, ActionDecided.Type.REPLY, IntercomWireMock.BOT_ADMIN_ID, responses,
                null, null);
    }

    static ActionDecided note(String body) {
        return action("local", newConversation(), ActionDecided.Type.NOTE, IntercomWireMock.BOT_ADMIN_ID, List.of(),
                body, null);
    }

    static ActionDecided assign(ActionDecided.Assignee assignee) {
        return action("local", newConversation(), ActionDecided.Type.ASSIGN, IntercomWireMock.BOT_ADMIN_ID,
                List.of(), null, assignee);
    }

    static ActionDecided action(String appId, String conversationId, ActionDecided.Type type, String adminId,
            List<Response> responses, String body, ActionDecided.Assignee assignee) {
        String cause = UUID.randomUUID().toString();
        return new ActionDecided(ActionDecided.SCHEMA_VERSION, ActionDecided.idFor(cause, 0), cause, appId,
                conversationId, Instant.now(), 0, 1, type, adminId, responses, body, assignee, "test rule");
    }
}
