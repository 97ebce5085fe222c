package io.tandem.responder.client;

import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.tandem.responder.config.ResponderConfig;
import io.tandem.responder.service.ParkedActions;

/**
 * Ready when at least one Intercom app has an access token and Intercom takes every app's token: an app whose
 * token Intercom refuses (401/403) makes the check DOWN, names the app and says why, until its token works again.
 * Reports app ids, never tokens.
 */
@Readiness
@ApplicationScoped
public class IntercomAppsReadinessCheck implements HealthCheck {

    @Inject
    ResponderConfig config;

    @Inject
    ParkedActions parking;

    @Override
    public HealthCheckResponse call() {
        TreeSet<String> apps = new TreeSet<>(config.apps().keySet());
        Map<String, String> paused = parking.paused();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("intercom-apps")
                .status(!apps.isEmpty() && paused.isEmpty())
                .withData("apps", String.join(",", apps));
        if (!paused.isEmpty()) {
            health.withData("paused", String.join(",", paused.keySet()));
            paused.forEach((app, reason) -> health.withData("paused." + app, reason));
        }
        return health.build();
    }
}
