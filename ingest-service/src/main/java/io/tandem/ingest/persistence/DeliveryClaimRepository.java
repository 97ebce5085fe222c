package io.tandem.ingest.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeliveryClaimRepository implements PanacheRepositoryBase<DeliveryClaim, String> {

    // inserts the key if absent; takes over only a claim that was never published and whose lease ran out
    private static final String CLAIM = """
            INSERT INTO {h-schema}delivery_claim AS claim (claim_key, claim_token, claimed_at)
            VALUES (:key, :token, :now)
            ON CONFLICT (claim_key) DO UPDATE SET claim_token = EXCLUDED.claim_token, claimed_at = EXCLUDED.claimed_at
                WHERE claim.published_at IS NULL AND claim.claimed_at < :abandonedBefore
            RETURNING claim.claim_key
            """;

    /**
     * Claims {@code key} for the holder of {@code token}, atomically across replicas.
     *
     * @return whether the key is now claimed by {@code token}
     */
    public boolean claim(String key, UUID token, Instant now, Instant abandonedBefore) {
        return !getEntityManager().createNativeQuery(CLAIM)
                .setParameter("key", key)
                .setParameter("token", token)
                .setParameter("now", now)
                .setParameter("abandonedBefore", abandonedBefore)
                .getResultList()
                .isEmpty();
    }

    /** Whether the claim on {@code key} was published; empty when nobody holds it. */
    public Optional<Boolean> published(String key) {
        return findByIdOptional(key).map(claim -> claim.publishedAt != null);
    }

    public int markPublished(Collection<String> keys, UUID token, Instant publishedAt) {
        return update("publishedAt = ?1 where claimKey in ?2 and claimToken = ?3", publishedAt, keys, token);
    }

    public long release(Collection<String> keys, UUID token) {
        return delete("claimKey in ?1 and claimToken = ?2", keys, token);
    }

    public long deleteClaimedBefore(Instant cutoff) {
        return delete("claimedAt < ?1", cutoff);
    }
}
