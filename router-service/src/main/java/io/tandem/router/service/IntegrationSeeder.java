package io.tandem.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tandem.router.Integration;
import io.tandem.router.config.RouterConfig;

/**
 * Configures the integration of {@code tandem.router.seed.app-id} at start when it has none stored, so the local
 * run answers at once: the assistant admin, dialog ready, monitoring of the Unassigned inbox.
 */
@ApplicationScoped
public class IntegrationSeeder {

    private static final Logger LOG = Logger.getLogger(IntegrationSeeder.class);

    void onStart(@Observes StartupEvent event, RouterConfig config, SettingsService settings) {
        RouterConfig.Seed seed = config.seed();
        if (seed.appId().isEmpty() || seed.assistantAdminId().isEmpty()) {
            return;
        }
        String appId = seed.appId().get();
        if (settings.seed(appId, seed.assistantAdminId().get(), seed.monitoring(),
                seed.threshold().orElse(Integration.DEFAULT_THRESHOLD), "configuration (tandem.router.seed)")) {
            LOG.infof("workspace %s seeded: assistant admin %s, dialog ready, monitoring %s", appId,
                    seed.assistantAdminId().get(), seed.monitoring() ? "on" : "off");
        }
    }
}
