package io.tandem.ingest.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tandem.ingest.config.IngestConfig;

/**
 * The claim keys this replica knows as published, the most recent ones up to a capacity: a redelivery of one is
 * answered {@code DUPLICATE} without a round trip to PostgreSQL. Only ever a shortcut: a key published elsewhere or
 * before a restart is not here, and PostgreSQL answers for it. Published is final until the retention forgets it, so
 * an entry counts only while younger than the retention.
 *
 * <p>Kept in a few flat arrays allocated once, not as objects per key: at thousands of webhooks a second every key
 * would otherwise live long enough to reach the old generation and die there when it is pushed out, and collecting
 * that garbage stops the service for a full collection (100 ms and more) every few seconds. A key is stored as the
 * first 128 bits of its SHA-256 digest; two keys sharing them are beyond any realistic chance (about 10<sup>-28</sup>
 * for a full set of 200,000).
 */
@ApplicationScoped
public class RecentlyPublished {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });
    private static final int EMPTY = -1;

    private final Duration retention;
    // the entries in the order they were added, a ring of `capacity`: the oldest at `oldest`
    private final long[] digestHigh;
    private final long[] digestLow;
    private final long[] publishedAtMillis;
    private final int capacity;
    private int oldest;
    private int size;
    // open addressing with linear probing: each slot holds an entry's index in the ring, or EMPTY
    private final int[] slots;
    private final int slotMask;

    @Inject
    public RecentlyPublished(IngestConfig config) {
        this(config.recentlyPublished(), config.retention());
    }

    RecentlyPublished(int capacity, Duration retention) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.retention = retention;
        this.capacity = capacity;
        this.digestHigh = new long[capacity];
        this.digestLow = new long[capacity];
        this.publishedAtMillis = new long[capacity];
        // at most half full: probes stay short
        int slotCount = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        this.slots = new int[slotCount];
        this.slotMask = slotCount - 1;
        Arrays.fill(slots, EMPTY);
    }

    /** Remembers {@code key} as published at {@code publishedAt}; a key known already keeps its place. */
    public void add(String key, Instant publishedAt) {
        long[] digest = digest(key);
        synchronized (this) {
            int slot = find(digest[0], digest[1]);
            if (slots[slot] != EMPTY) {
                publishedAtMillis[slots[slot]] = publishedAt.toEpochMilli();
                return;
            }
            if (size == capacity) {
                forgetOldest();
                slot = find(digest[0], digest[1]);
            }
            int entry = (oldest + size) % capacity;
            digestHigh[entry] = digest[0];
            digestLow[entry] = digest[1];
            publishedAtMillis[entry] = publishedAt.toEpochMilli();
            slots[slot] = entry;
            size++;
        }
    }

    /** Whether {@code key} was published within the retention, as far as this replica knows. */
    public boolean contains(String key) {
        long[] digest = digest(key);
        long publishedAt;
        synchronized (this) {
            int entry = slots[find(digest[0], digest[1])];
            if (entry == EMPTY) {
                return false;
            }
            publishedAt = publishedAtMillis[entry];
        }
        return publishedAt > System.currentTimeMillis() - retention.toMillis();
    }

    /** The slot holding the digest, else the empty slot where it belongs. */
    private int find(long high, long low) {
        int slot = (int) (high ^ (high >>> 32)) & slotMask;
        while (slots[slot] != EMPTY) {
            int entry = slots[slot];
            if (digestHigh[entry] == high && digestLow[entry] == low) {
                return slot;
            }
            slot = (slot + 1) & slotMask;
        }
        return slot;
    }

    private void forgetOldest() {
        int slot = find(digestHigh[oldest], digestLow[oldest]);
        removeSlot(slot);
        oldest = (oldest + 1) % capacity;
        size--;
    }

    /** Empties a slot and moves later entries of its probe run back, so that no lookup stops short of them. */
    private void removeSlot(int removed) {
        int hole = removed;
        int slot = (hole + 1) & slotMask;
        while (slots[slot] != EMPTY) {
            int entry = slots[slot];
            long high = digestHigh[entry];
            int home = (int) (high ^ (high >>> 32)) & slotMask;
            // the entry may fill the hole when its home is not within (hole, slot], cyclically
            boolean homeBetween = hole <= slot ? hole < home && home <= slot : hole < home || home <= slot;
            if (!homeBetween) {
                slots[hole] = entry;
                hole = slot;
            }
            slot = (slot + 1) & slotMask;
        }
        slots[hole] = EMPTY;
    }

    private static long[] digest(String key) {
        MessageDigest sha256 = SHA_256.get();
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        return new long[] {digest.getLong(), digest.getLong()};
    }
}
