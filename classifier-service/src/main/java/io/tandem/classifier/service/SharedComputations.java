package io.tandem.classifier.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Computations that callers asking for the same key at the same time share: the first caller computes, the others
 * wait for its result (or its failure) instead of computing it again. Nothing is kept once the computation ends, so
 * a later call computes anew. {@link SkillRegistry} trains a skill version this way: the consumers of several
 * partitions meeting a new version at once would otherwise each train it, several times the CPU of one training.
 */
final class SharedComputations<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /** The value {@code computation} gives for {@code key}, computed by this caller or by one already at it. */
    V get(K key, Supplier<V> computation) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }
        try {
            V value = computation.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }
}
