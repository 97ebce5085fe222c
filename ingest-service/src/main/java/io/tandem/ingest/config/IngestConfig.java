package io.tandem.ingest.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tandem.ingest.BodyFormat;

/**
 * Settings of ingest-service. Secrets arrive by environment variable, e.g.
 * {@code TANDEM_INGEST_APPS_<APPID>_CLIENT_SECRET}, and are never logged.
 */
@ConfigMapping(prefix = "tandem.ingest")
public interface IngestConfig {

    /** The Intercom workspaces served, by app_id. */
    Map<String, App> apps();

    /**
     * Kafka producer settings (both topics share one producer), e.g. {@code linger.ms}; {@code acks=all} and
     * idempotence are always on. {@code delivery.timeout.ms} bounds how long a request waits for Kafka before it is
     * answered 503.
     */
    Map<String, String> producer();

    /**
     * Added to {@code delivery.timeout.ms} for the longest wait on Kafka's report of a record's outcome; Kafka
     * reports within its delivery timeout, this only guards against a lost report.
     */
    @WithDefault("2s")
    Duration publishTimeoutMargin();

    /** How long an unfinished claim blocks other deliveries of the same ids before it counts as abandoned. */
    @WithDefault("30s")
    Duration claimLease();

    /**
     * The longest a de-duplication statement may take (whole seconds); the webhooks waiting on it are answered 503
     * when it runs out.
     */
    @WithDefault("2s")
    Duration claimTimeout();

    /**
     * How long a webhook's claim waits at most for others to share its statement. Each statement costs PostgreSQL
     * and this service a planning, a round trip and a commit whatever its size: without waiting, a busy service
     * sends one every millisecond or so with a few webhooks each.
     */
    @WithDefault("2ms")
    Duration claimGather();

    /**
     * How long the first of the claims Kafka acknowledged waits before they are marked published together. Nobody
     * waits for this; meanwhile this replica answers their redeliveries from memory, and another replica answers 503
     * (Intercom retries a minute later).
     */
    @WithDefault("20ms")
    Duration completionGather();

    /**
     * How many notification ids this replica remembers as published, so that their redeliveries are answered
     * without asking PostgreSQL (which stays the truth across restarts and replicas). About 150 bytes each.
     */
    @WithDefault("200000")
    int recentlyPublished();

    /** How long claimed ids are remembered, i.e. how late a redelivery is still recognized. */
    @WithDefault("7d")
    Duration retention();

    /** How often claims older than the retention are purged (a scheduler interval such as {@code 1h}). */
    @WithDefault("1h")
    String purgeEvery();

    interface App {

        /** The client secret Intercom signs this workspace's webhooks with. */
        String clientSecret();

        /**
         * The id of the Intercom admin Tandem acts as in this workspace: parts written by it are marked
         * {@code authoredByTandem}, so no stage answers Tandem itself. Empty: no part is Tandem's.
         */
        Optional<String> botAdminId();

        /**
         * What the message bodies of this workspace's webhooks are: {@code text} when its Intercom app is set to API
         * 2.15 or newer, {@code html} for 2.14 and older, {@code auto} (HTML only when a body contains markup).
         */
        @WithDefault("auto")
        BodyFormat bodyFormat();
    }
}
