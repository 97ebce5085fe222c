package io.tandem.ingest.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tandem.ingest.config.IngestConfig;
import io.tandem.ingest.persistence.DeliveryClaimRepository;
import io.tandem.ingest.persistence.DeliveryClaimRepository.KeyState;

/**
 * De-duplication of webhook deliveries across replicas and restarts: a delivery claims the notification id and the
 * id of the part it carries before publishing, completes the claim once Kafka acknowledged, and releases it when
 * publishing failed so that Intercom's retry can succeed.
 */
@ApplicationScoped
public class DeliveryClaims {

    private final DeliveryClaimRepository repository;
    private final IngestConfig config;
    private final ClaimBatcher batcher;
    private final RecentlyPublished recentlyPublished;

    public DeliveryClaims(DeliveryClaimRepository repository, IngestConfig config, ClaimBatcher batcher,
            RecentlyPublished recentlyPublished) {
        this.repository = repository;
        this.config = config;
        this.batcher = batcher;
        this.recentlyPublished = recentlyPublished;
    }

    public static String notificationKey(String appId, String notificationId) {
        return "notification:" + appId + ":" + notificationId;
    }

    public static String partKey(String conversationId, String partId) {
        return "part:" + conversationId + ":" + partId;
    }

    /**
     * Claims the notification and every part not yet published, in one statement (shared with the deliveries
     * arriving at the same time). Nothing stays claimed unless the notification is {@link Status#CLAIMED}. Blocks;
     * the request path uses {@link #claimAsync}.
     */
    public Claim claim(String notificationKey, Collection<String> partKeys) {
        try {
            return claimAsync(notificationKey, partKeys).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * {@link #claim}, completed on the claim batcher's thread once the batch's statement ran (and, rarely, a lease
     * taken over or what this delivery inserted released again).
     */
    public CompletionStage<Claim> claimAsync(String notificationKey, Collection<String> partKeys) {
        UUID token = UUID.randomUUID();
        Set<String> keys = new LinkedHashSet<>();
        keys.add(notificationKey);
        keys.addAll(partKeys);
        return batcher.claim(List.copyOf(keys), token)
                .thenCompose(states -> decide(notificationKey, token, states));
    }

    private CompletionStage<Claim> decide(String notificationKey, UUID token, List<KeyState> states) {
        Instant now = Instant.now();
        Instant abandonedBefore = now.minus(config.claimLease());
        List<String> held = new ArrayList<>(states.stream().filter(KeyState::claimed).map(KeyState::key).toList());
        Status status = Status.CLAIMED;
        // the notification decides first: a published one is a duplicate whatever its parts say
        List<KeyState> notificationFirst = states.stream()
                .sorted(Comparator.comparing((KeyState state) -> !state.key().equals(notificationKey))).toList();
        for (KeyState state : notificationFirst) {
            if (state.claimed()) {
                continue;
            }
            if (state.publishedAt() != null || recentlyPublished.contains(state.key())) {
                if (state.key().equals(notificationKey)) {
                    if (state.publishedAt() != null) {
                        recentlyPublished.add(notificationKey, state.publishedAt());
                    }
                    status = Status.DUPLICATE;
                    break;
                }
                // a part published before: left out of this delivery
            } else if (state.claimedAt() != null && state.claimedAt().isBefore(abandonedBefore)
                    && repository.takeOver(state.key(), token, now, abandonedBefore)) {
                // a delivery that died between claim and publish left it: its lease ran out (rare: blocks the batcher
                // for one statement)
                held.add(state.key());
            } else {
                // another delivery is publishing it right now: retry later rather than risk losing it
                status = Status.IN_PROGRESS;
                break;
            }
        }
        if (status != Status.CLAIMED) {
            Status outcome = status;
            return batcher.release(held, token).thenApply(released -> new Claim(token, outcome, List.of()));
        }
        return CompletableFuture.completedFuture(new Claim(token, status, held));
    }

    /** Marks the claim's keys published now (the request path hands them to {@link ClaimCompleter} instead). */
    public void complete(Claim claim) {
        repository.markPublished(claim.keys(), claim.keys().stream().map(key -> claim.token()).toList(),
                Instant.now());
    }

    public void release(Claim claim) {
        repository.release(claim.keys(), claim.token());
    }

    /** Releases the claim's keys with the next batch (the request path: no thread blocks on it). */
    public CompletionStage<Integer> releaseAsync(Claim claim) {
        return batcher.release(claim.keys(), claim.token());
    }

    /** Forgets claims made before {@code cutoff}; a redelivery after that is no longer recognized. */
    @Transactional
    public long purgeClaimedBefore(Instant cutoff) {
        return repository.deleteClaimedBefore(cutoff);
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
