package io.tandem.router.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tandem.router.ConversationState;
import io.tandem.router.config.RouterConfig;

/**
 * The state of the conversations this instance decided on lately, as stored, with the version it was stored as:
 * deciding then reads nothing from PostgreSQL. The events of a conversation come from one partition, so while this
 * instance owns that partition its consumer is the state's only writer; when another replica wrote in between (a
 * rebalance), storing the next decision finds a newer version and deciding reads the row again. The least recently
 * used conversations are forgotten beyond {@code tandem.router.conversations-in-memory}, and the conversations of a
 * partition when it is revoked.
 */
@ApplicationScoped
public class ConversationMemory {

    /**
     * A conversation's state as of version {@code version} (stored, or handed to the writer), from Kafka partition
     * {@code partition}, with the events this instance decided on it lately (the last {@value #RECENT_EVENTS}, newest
     * last): a copy of one of them arriving again is known without asking PostgreSQL.
     */
    public record Remembered(ConversationState state, long version, int partition, List<String> recentEvents) {

        public Remembered {
            recentEvents = List.copyOf(recentEvents);
        }

        public Remembered(ConversationState state, long version, int partition) {
            this(state, version, partition, List.of());
        }

        public boolean decidedLately(String classifiedEventId) {
            return recentEvents.contains(classifiedEventId);
        }

        /** The conversation after deciding on {@code classifiedEventId}. */
        public Remembered after(String classifiedEventId, ConversationState next, long nextVersion) {
            List<String> recent = new ArrayList<>(recentEvents);
            recent.add(classifiedEventId);
            return new Remembered(next, nextVersion, partition,
                    recent.subList(Math.max(0, recent.size() - RECENT_EVENTS), recent.size()));
        }
    }

    /** How many of a conversation's latest events are remembered as decided. */
    static final int RECENT_EVENTS = 8;

    private record Key(String appId, String conversationId) {
    }

    private final Map<Key, Remembered> conversations;

    @Inject
    public ConversationMemory(RouterConfig config) {
        this(config.conversationsInMemory());
    }

    ConversationMemory(int capacity) {
        this.conversations = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<Remembered> recall(String appId, String conversationId) {
        return Optional.ofNullable(conversations.get(new Key(appId, conversationId)));
    }

    public synchronized void remember(Remembered remembered) {
        ConversationState state = remembered.state();
        conversations.put(new Key(state.appId(), state.conversationId()), remembered);
    }

    public synchronized void forget(String appId, String conversationId) {
        conversations.remove(new Key(appId, conversationId));
    }

    /** Forgets the conversations of partitions another consumer may now own. */
    public synchronized void forgetPartitions(Collection<Integer> partitions) {
        Set<Integer> revoked = Set.copyOf(partitions);
        conversations.values().removeIf(remembered -> revoked.contains(remembered.partition()));
    }

    public synchronized int size() {
        return conversations.size();
    }
}
