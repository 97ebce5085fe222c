package io.tandem.router.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tandem.router")
public interface RouterConfig {

    /** Operator keys of the admin API, valid for every workspace (env TANDEM_ROUTER_ADMIN_API_KEYS, comma separated). */
    Optional<Set<String>> adminApiKeys();

    /** What router-service knows of each Intercom workspace, by app_id (env TANDEM_ROUTER_APPS_<APPID>_...). */
    Map<String, App> apps();

    /** The operator key router-service presents to classifier-service (env TANDEM_ROUTER_CLASSIFIER_API_KEY). */
    Optional<String> classifierApiKey();

    /** How long Intercom's admins and teams are reused when deciding whether an agent is available. */
    @WithDefault("30s")
    Duration teammatesCacheTtl();

    /**
     * How long a decision reuses a workspace's settings and rules at most, should PostgreSQL's notification of a change
     * elsewhere be lost; 0 reads them for every decision.
     */
    @WithDefault("60s")
    Duration settingsCacheTtl();

    /**
     * How many conversations' states deciding keeps in memory (least recently used forgotten first); 0 reads every
     * state from PostgreSQL.
     */
    @WithDefault("10000")
    int conversationsInMemory();

    /** A workspace configured at start when it has no stored integration yet (the local run's). */
    Seed seed();

    interface App {

        /** Access token of the Intercom app installed in the workspace: a secret, never logged. */
        Optional<String> accessToken();

        /** Admin API keys valid only for this workspace. */
        Optional<Set<String>> adminApiKeys();
    }

    interface Seed {

        Optional<String> appId();

        Optional<String> assistantAdminId();

        /** The threshold to start with; the default threshold when not set. */
        Optional<Double> threshold();

        @WithDefault("true")
        boolean monitoring();
    }
}
