package io.tandem.sandbox.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.sandbox.Conversation;
import io.tandem.sandbox.ConversationNotFoundException;

/**
 * All conversations, in memory; they are gone when the sandbox stops.
 */
@ApplicationScoped
public class ConversationStore {

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

    public void add(Conversation conversation) {
        conversations.put(conversation.id(), conversation);
    }

    public Collection<Conversation> all() {
        return List.copyOf(conversations.values());
    }

    public Conversation get(String id) {
        return Optional.ofNullable(conversations.get(id)).orElseThrow(() -> new ConversationNotFoundException(id));
    }

    /** Applies {@code change} atomically, so parts written at the same time are all kept. */
    public Conversation update(String id, UnaryOperator<Conversation> change) {
        Conversation updated = conversations.computeIfPresent(id, (key, conversation) -> change.apply(conversation));
        if (updated == null) {
            throw new ConversationNotFoundException(id);
        }
        return updated;
    }
}
