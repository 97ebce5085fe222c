package io.tandem.responder.client;

import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.tandem.responder.config.ResponderConfig;

/**
 * Ready only when at least one Intercom app has an access token: without one every action would fail.
 * Reports the app ids, never the tokens.
 */
@Readiness
@ApplicationScoped
public class IntercomAppsReadinessCheck implements HealthCheck {

    @Inject
    ResponderConfig config;

    @Override
    public HealthCheckResponse call() {
        TreeSet<String> apps = new TreeSet<>(config.apps().keySet());
        return HealthCheckResponse.named("intercom-apps")
                .status(!apps.isEmpty())
                .withData("apps", String.join(",", apps))
                .build();
    }
}
