package io.tandem.ingest.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tandem.ingest.config.IngestConfig;
import io.tandem.ingest.persistence.DeliveryClaimRepository;

/**
 * De-duplication of webhook deliveries across replicas and restarts: a delivery claims the notification id and the
 * ids of the parts it carries before publishing, completes the claim once Kafka acknowledged, and releases it when
 * publishing failed so that Intercom's retry can succeed.
 */
@ApplicationScoped
public class DeliveryClaims {

    private final DeliveryClaimRepository repository;
    private final IngestConfig config;

    public DeliveryClaims(DeliveryClaimRepository repository, IngestConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public static String notificationKey(String appId, String notificationId) {
        return "notification:" + appId + ":" + notificationId;
    }

    public static String partKey(String conversationId, String partId) {
        return "part:" + conversationId + ":" + partId;
    }

    /**
     * Claims the notification and then every part not yet claimed, in one transaction. Parts are claimed in sorted
     * order so that two deliveries sharing parts cannot deadlock.
     */
    @Transactional
    public Claim claim(String notificationKey, Collection<String> partKeys) {
        UUID token = UUID.randomUUID();
        Instant now = Instant.now();
        Instant abandonedBefore = now.minus(config.claimLease());
        if (!repository.claim(notificationKey, token, now, abandonedBefore)) {
            return new Claim(token, publishedElsewhere(notificationKey) ? Status.DUPLICATE : Status.IN_PROGRESS,
                    List.of());
        }
        List<String> claimed = new ArrayList<>(List.of(notificationKey));
        for (String partKey : partKeys.stream().distinct().sorted().toList()) {
            if (repository.claim(partKey, token, now, abandonedBefore)) {
                claimed.add(partKey);
            } else if (!publishedElsewhere(partKey)) {
                // another delivery is publishing this part right now: retry later rather than risk losing it
                QuarkusTransaction.setRollbackOnly();
                return new Claim(token, Status.IN_PROGRESS, List.of());
            }
        }
        return new Claim(token, Status.CLAIMED, claimed);
    }

    @Transactional
    public void complete(Claim claim) {
        repository.markPublished(claim.keys(), claim.token(), Instant.now());
    }

    @Transactional
    public void release(Claim claim) {
        repository.release(claim.keys(), claim.token());
    }

    /** Forgets claims made before {@code cutoff}; a redelivery after that is no longer recognized. */
    @Transactional
    public long purgeClaimedBefore(Instant cutoff) {
        return repository.deleteClaimedBefore(cutoff);
    }

    private boolean publishedElsewhere(String key) {
        // a claim released between our insert attempt and this read is still being sorted out: treat as in progress
        return repository.published(key).orElse(false);
    }

    public enum Status {
        /** This delivery holds the notification claim; {@link Claim#holds} tells which parts it holds. */
        CLAIMED,
        /** The notification was published by an earlier delivery. */
        DUPLICATE,
        /** Another delivery is publishing the notification or one of its parts right now. */
        IN_PROGRESS
    }

    /** @param keys the keys this delivery claimed (empty unless {@link Status#CLAIMED}) */
    public record Claim(UUID token, Status status, List<String> keys) {

        public Claim {
            keys = List.copyOf(keys);
        }

        public boolean holds(String key) {
            return keys.contains(key);
        }
    }
}
