package io.tandem.ingest.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of ingest-service. Secrets arrive by environment variable, e.g.
 * {@code TANDEM_INGEST_APPS_<APPID>_CLIENT_SECRET}, and are never logged.
 */
@ConfigMapping(prefix = "tandem.ingest")
public interface IngestConfig {

    /** The Intercom workspaces served, by app_id. */
    Map<String, App> apps();

    /** How long a request waits for Kafka to acknowledge what it publishes before answering 503. */
    @WithDefault("1500ms")
    Duration publishTimeout();

    /** How long an unfinished claim blocks other deliveries of the same ids before it counts as abandoned. */
    @WithDefault("30s")
    Duration claimLease();

    /** How long claimed ids are remembered, i.e. how late a redelivery is still recognized. */
    @WithDefault("7d")
    Duration retention();

    /** How often claims older than the retention are purged (a scheduler interval such as {@code 1h}). */
    @WithDefault("1h")
    String purgeEvery();

    interface App {

        /** The client secret Intercom signs this workspace's webhooks with. */
        String clientSecret();
    }
}
