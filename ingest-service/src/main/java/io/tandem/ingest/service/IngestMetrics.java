package io.tandem.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.ingest.Rejection;

/** Counters of what became of the webhooks received. */
@ApplicationScoped
public class IngestMetrics {

    static final String ACCEPTED = "tandem.ingest.webhooks.accepted";
    static final String DUPLICATE = "tandem.ingest.webhooks.duplicate";
    static final String REJECTED = "tandem.ingest.webhooks.rejected";
    static final String IGNORED = "tandem.ingest.webhooks.ignored";
    static final String UNAVAILABLE = "tandem.ingest.webhooks.unavailable";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A notification was published. */
    public void accepted(String topic) {
        registry.counter(ACCEPTED, "topic", topic).increment();
    }

    /** A notification (by = notification) or one of its parts (by = part) was published before. */
    public void duplicate(String by) {
        registry.counter(DUPLICATE, "by", by).increment();
    }

    public void rejected(Rejection rejection) {
        registry.counter(REJECTED, "reason", rejection.slug()).increment();
    }

    /** A verified notification of a topic Tandem does not act on (the topic is bounded: only Intercom sends it). */
    public void ignored(String topic) {
        registry.counter(IGNORED, "topic", topic).increment();
    }

    /** Answered 503: Kafka unavailable or the same ids in progress elsewhere. */
    public void unavailable(String cause) {
        registry.counter(UNAVAILABLE, "cause", cause).increment();
    }
}
