package io.tandem.router.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with defaults no workspace could have, so a typo surfaces at boot rather than per message. */
@ApplicationScoped
public class RouterConfigCheck {

    private static final Logger LOG = Logger.getLogger(RouterConfigCheck.class);

    void onStart(@Observes StartupEvent event, RouterConfig config) {
        double minConfidence = config.defaults().minConfidence();
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalStateException(
                    "tandem.router.defaults.min-confidence must be within [0, 1], was " + minConfidence);
        }
        if (config.adminApiKeys().map(keys -> keys.isEmpty()).orElse(true)) {
            LOG.warn("tandem.router.admin-api-keys is not set: the admin API rejects every request");
        }
    }
}
