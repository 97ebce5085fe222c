package io.tandem.router.config;

import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tandem.router.Mode;

@ConfigMapping(prefix = "tandem.router")
public interface RouterConfig {

    /** Settings for a workspace nobody has configured through the admin API. */
    Defaults defaults();

    /** Bearer keys accepted by the admin API (env TANDEM_ROUTER_ADMIN_API_KEYS, comma separated). */
    Optional<Set<String>> adminApiKeys();

    interface Defaults {

        @WithDefault("REPLY")
        Mode mode();

        @WithDefault("0.2")
        double minConfidence();
    }
}
