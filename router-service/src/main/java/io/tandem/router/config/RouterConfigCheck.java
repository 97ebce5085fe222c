package io.tandem.router.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says at boot what is missing, so a misconfiguration surfaces at start rather than per request. */
@ApplicationScoped
public class RouterConfigCheck {

    private static final Logger LOG = Logger.getLogger(RouterConfigCheck.class);

    void onStart(@Observes StartupEvent event, RouterConfig config) {
        boolean operatorKeys = config.adminApiKeys().map(keys -> !keys.isEmpty()).orElse(false);
        boolean workspaceKeys = config.apps().values().stream()
                .anyMatch(app -> app.adminApiKeys().map(keys -> !keys.isEmpty()).orElse(false));
        if (!operatorKeys && !workspaceKeys) {
            LOG.warn("no admin API key is configured (tandem.router.admin-api-keys, "
                    + "tandem.router.apps.<appId>.admin-api-keys): the admin API rejects every request");
        }
        if (config.classifierApiKey().isEmpty()) {
            LOG.warn("tandem.router.classifier-api-key is not set: rules cannot be checked against the skill's nodes");
        }
    }
}
