package io.tandem.responder.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What responder-service needs to act in Intercom workspaces, and how patiently it does so.
 */
@ConfigMapping(prefix = "tandem.responder")
public interface ResponderConfig {

    /** The Intercom workspaces Tandem acts in, by app_id (from env {@code TANDEM_RESPONDER_APPS_<APPID>_ACCESS_TOKEN}). */
    Map<String, App> apps();

    /** Performs nothing on Intercom and records what would have been sent (replays). */
    @WithDefault("false")
    boolean dryRun();

    /** How many actions run at once (of different conversations; one conversation's actions run one by one). */
    @WithDefault("16")
    int concurrency();

    /** How many received actions may wait or run before the consumer stops taking more. */
    @WithDefault("512")
    int maxInFlight();

    /** The longest pause response honoured between two parts of a reply. */
    @WithDefault("10s")
    Duration maxPause();

    /** Whether option responses also get Intercom's quick-reply buttons where the conversation's channel shows them. */
    @WithDefault("true")
    boolean quickReplies();

    Retry retry();

    RateLimit rateLimit();

    Recovery recovery();

    /** How often a workspace whose token Intercom refused is tried again. */
    @WithDefault("30s")
    Duration authProbeInterval();

    interface App {

        /** Access token of the Intercom app installed in the workspace: a secret, never logged. */
        String accessToken();
    }

    /** Retries of what Intercom could not take now (5xx, timeouts, connection failures). */
    interface Retry {

        @WithDefault("200ms")
        Duration initialDelay();

        @WithDefault("10s")
        Duration maxDelay();

        /** Attempts stop once this much time has passed since the first; the action then fails. */
        @WithDefault("2m")
        Duration maxDuration();
    }

    /** Intercom's rate limit, shared by every replica through PostgreSQL. */
    interface RateLimit {

        /** Calls kept in reserve: with this few left in the window, calls wait for X-RateLimit-Reset. */
        @WithDefault("5")
        int reserve();

        /** Below this share of the window's limit left, calls are spread evenly over what remains of the window. */
        @WithDefault("0.2")
        double slowDownBelow();

        /** Wait after a 429 that says nothing about when the window resets. */
        @WithDefault("10s")
        Duration defaultWait();
    }

    /** Finding a part an interrupted call may have made. */
    interface Recovery {

        /** Tolerated difference between Intercom's clock and ours when matching a part to an attempt. */
        @WithDefault("30s")
        Duration clockSkew();

        /** How long another replica's claim on an action is respected before it is taken over. */
        @WithDefault("5m")
        Duration lease();
    }
}
