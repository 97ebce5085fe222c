package io.tandem.ingest.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An id (of a notification or of a conversation part) that a delivery claimed, so other deliveries of it are
 * recognized as duplicates. Unpublished claims older than the lease count as abandoned.
 */
@Entity
@Table(name = "delivery_claim")
public class DeliveryClaim {

    /** {@code notification:<app_id>:<notification id>} or {@code part:<conversation id>:<part id>}. */
    @Id
    @Column(name = "claim_key")
    public String claimKey;

    /** Identifies the request holding the claim, so it only ever releases or completes its own. */
    @Column(name = "claim_token", nullable = false)
    public UUID claimToken;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    /** When what the claim covers was acknowledged by Kafka; null while in progress. */
    @Column(name = "published_at")
    public Instant publishedAt;
}
