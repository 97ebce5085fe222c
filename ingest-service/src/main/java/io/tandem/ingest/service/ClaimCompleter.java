package io.tandem.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.tandem.ingest.config.IngestConfig;
import io.tandem.ingest.persistence.DeliveryClaimRepository;
import io.tandem.ingest.service.DeliveryClaims.Claim;

/**
 * Marks published claims as published in batches, off the request path: the webhook is answered as soon as Kafka
 * acknowledged, and one statement completes the claims of all the webhooks answered meanwhile.
 *
 * <p>This replica knows the keys as published at once ({@link RecentlyPublished}); another replica sees them in
 * progress until the claim is completed, milliseconds later, and answers 503, and Intercom retries. If the service dies
 * before completing, the lease runs out and a redelivery publishes again under the same event ids, which consumers
 * drop.
 */
@Startup
@ApplicationScoped
public class ClaimCompleter {

    private static final Logger LOG = Logger.getLogger(ClaimCompleter.class);
    private static final int MAX_BATCH = 1_000;

    private final MarkStatement markStatement;
    private final RecentlyPublished recentlyPublished;
    private final long gatherMillis;
    private final LinkedBlockingQueue<Claim> pending = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    @Inject
    public ClaimCompleter(DeliveryClaimRepository repository, RecentlyPublished recentlyPublished,
            IngestConfig config) {
        this(repository::markPublished, recentlyPublished, config.completionGather());
    }

    /** @param gather how long the first completion waits for others to share its statement */
    ClaimCompleter(MarkStatement markStatement, RecentlyPublished recentlyPublished, Duration gather) {
        this.markStatement = markStatement;
        this.recentlyPublished = recentlyPublished;
        this.gatherMillis = gather.toMillis();
        this.worker = new Thread(this::completeWhileRunning, "ingest-claim-completer");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a claim whose events Kafka acknowledged. */
    public void published(Claim claim) {
        Instant now = Instant.now();
        claim.keys().forEach(key -> recentlyPublished.add(key, now));
        pending.add(claim);
    }

    private void completeWhileRunning() {
        List<Claim> batch = new ArrayList<>();
        while (running || !pending.isEmpty()) {
            try {
                Claim first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (running && gatherMillis > 0) {
                    // nobody waits for a completion: let more share its statement
                    Thread.sleep(gatherMillis);
                }
                pending.drainTo(batch, MAX_BATCH - 1);
                completeQuietly(batch);
                batch.clear();
            } catch (InterruptedException e) {
                // interrupted: mark what is in hand and queued now, then stop
                Thread.currentThread().interrupt();
                running = false;
                pending.drainTo(batch);
                for (int from = 0; from < batch.size(); from += MAX_BATCH) {
                    completeQuietly(batch.subList(from, Math.min(batch.size(), from + MAX_BATCH)));
                }
                return;
            }
        }
    }

    private void completeQuietly(List<Claim> batch) {
        List<String> keys = new ArrayList<>();
        List<UUID> tokens = new ArrayList<>();
        for (Claim claim : batch) {
            for (String key : claim.keys()) {
                keys.add(key);
                tokens.add(claim.token());
            }
        }
        try {
            markStatement.markPublished(keys, tokens, Instant.now());
        } catch (RuntimeException e) {
            // published already: a redelivery after the lease publishes again, consumers drop the copy by event id
            LOG.warnf("Could not mark %d claims as published: %s", batch.size(), e.getMessage());
        }
    }

    /** The thread that completes claims (tests interrupt it). */
    Thread worker() {
        return worker;
    }

    /** One statement marking claims published: each key with the token of the delivery that claimed it. */
    @FunctionalInterface
    interface MarkStatement {
        int markPublished(List<String> keys, List<UUID> tokens, Instant publishedAt);
    }

    @PreDestroy
    void drain() {
        running = false;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
