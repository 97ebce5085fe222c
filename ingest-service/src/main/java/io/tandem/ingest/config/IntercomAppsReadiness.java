package io.tandem.ingest.config;

import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without a single Intercom app to verify webhooks for: every webhook would be refused. */
@Readiness
@ApplicationScoped
public class IntercomAppsReadiness implements HealthCheck {

    private final IngestConfig config;

    public IntercomAppsReadiness(IngestConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("intercom-apps")
                .status(!config.apps().isEmpty())
                .withData("appIds", String.join(",", new TreeSet<>(config.apps().keySet())))
                .build();
    }
}
