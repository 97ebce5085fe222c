package io.tandem.ingest.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tandem.ingest.config.IngestConfig;

/** Keeps the claim table bounded: ids older than the retention are forgotten. Harmless when replicas overlap. */
@ApplicationScoped
public class ClaimRetention {

    private static final Logger LOG = Logger.getLogger(ClaimRetention.class);

    private final DeliveryClaims claims;
    private final IngestConfig config;

    public ClaimRetention(DeliveryClaims claims, IngestConfig config) {
        this.claims = claims;
        this.config = config;
    }

    @Scheduled(identity = "purge-delivery-claims", every = "${tandem.ingest.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purge() {
        long purged = claims.purgeClaimedBefore(Instant.now().minus(config.retention()));
        if (purged > 0) {
            LOG.infof("Purged %d delivery claims older than %s", purged, config.retention());
        }
    }
}
