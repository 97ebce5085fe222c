package io.tandem.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tandem.ingest.config.IngestConfig;

/**
 * The claim keys this replica knows as published, most recent first to stay: a redelivery of one is answered
 * {@code DUPLICATE} without a round trip to PostgreSQL. Only ever a shortcut: a key published elsewhere or before a
 * restart is not here, and PostgreSQL answers for it. Published is final until the retention forgets it, so an entry
 * counts only while younger than the retention.
 */
@ApplicationScoped
public class RecentlyPublished {

    private final Map<String, Long> publishedAtMillis;
    private final Duration retention;

    @Inject
    public RecentlyPublished(IngestConfig config) {
        this(config.recentlyPublished(), config.retention());
    }

    RecentlyPublished(int capacity, Duration retention) {
        this.retention = retention;
        this.publishedAtMillis = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    public void add(String key, Instant publishedAt) {
        synchronized (publishedAtMillis) {
            publishedAtMillis.put(key, publishedAt.toEpochMilli());
        }
    }

    /** Whether {@code key} was published within the retention, as far as this replica knows. */
    public boolean contains(String key) {
        Long publishedAt;
        synchronized (publishedAtMillis) {
            publishedAt = publishedAtMillis.get(key);
        }
        return publishedAt != null && publishedAt > System.currentTimeMillis() - retention.toMillis();
    }
}
