package io.tandem.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.tandem.ingest.config.IngestConfig;
import io.tandem.ingest.persistence.ClaimStoreException;
import io.tandem.ingest.persistence.DeliveryClaimRepository;
import io.tandem.ingest.persistence.DeliveryClaimRepository.KeyState;

/**
 * Claims and releases the ids of many deliveries in one statement each: one thread takes whatever requests queued
 * up while the previous statement ran, so under load a statement (and its commit) serves hundreds of webhooks, and
 * alone a webhook waits for nothing but its own statement. No request thread blocks on the database.
 *
 * <p>A failed statement fails every request it served (they are answered 503 and nothing is published for them).
 * The futures complete on the batcher's thread; what follows them runs there too and must not block for long.
 */
@Startup
@ApplicationScoped
public class ClaimBatcher {

    private static final Logger LOG = Logger.getLogger(ClaimBatcher.class);
    static final int MAX_BATCH = 1_000;

    /** The claim statement: distinct keys, each with its claimer's token. */
    @FunctionalInterface
    interface ClaimStatement {
        List<KeyState> claimAbsent(List<String> keys, List<UUID> tokens, Instant now);
    }

    /** The release statement: each key deleted if still held by the token at the same position. */
    @FunctionalInterface
    interface ReleaseStatement {
        int release(List<String> keys, List<UUID> tokens);
    }

    private final ClaimStatement claimStatement;
    private final ReleaseStatement releaseStatement;
    private final long gatherNanos;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    @Inject
    public ClaimBatcher(DeliveryClaimRepository repository, IngestConfig config) {
        this(repository::claimAbsent, repository::release, config.claimGather());
    }

    ClaimBatcher(ClaimStatement claimStatement, ReleaseStatement releaseStatement) {
        this(claimStatement, releaseStatement, Duration.ZERO);
    }

    /**
     * @param gather how long a request waits at most for others to share its statement, counted from when it was
     *               queued (a request that queued while the previous statement ran waits no more)
     */
    ClaimBatcher(ClaimStatement claimStatement, ReleaseStatement releaseStatement, Duration gather) {
        this.claimStatement = claimStatement;
        this.releaseStatement = releaseStatement;
        this.gatherNanos = gather.toNanos();
        this.worker = new Thread(this::batchWhileRunning, "ingest-claim-batcher");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * Claims the absent keys for {@code token}.
     *
     * @return per key (in the given order): whether this request claimed it, else its state. A key that another
     *         request of the same batch claimed reads as claimed by someone else just now, unpublished.
     */
    public CompletableFuture<List<KeyState>> claim(List<String> keys, UUID token) {
        ClaimRequest request = new ClaimRequest(List.copyOf(keys), token, System.nanoTime(), new CompletableFuture<>());
        enqueue(request);
        return request.result();
    }

    /** Deletes the keys still held by {@code token}; completes with how many were. */
    public CompletableFuture<Integer> release(List<String> keys, UUID token) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        ReleaseRequest request = new ReleaseRequest(List.copyOf(keys), token, System.nanoTime(),
                new CompletableFuture<>());
        enqueue(request);
        return request.result();
    }

    private void enqueue(Request request) {
        if (!running) {
            request.fail(new ClaimStoreException("the service is shutting down", null));
            return;
        }
        queue.add(request);
    }

    private void batchWhileRunning() {
        List<Request> batch = new ArrayList<>();
        while (running) {
            try {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(first, batch);
                queue.drainTo(batch, MAX_BATCH - batch.size());
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                // a bug in a continuation must not stop the batcher: what was not answered gets 503
                LOG.errorf(e, "Claim batch failed unexpectedly");
                batch.forEach(request -> request.fail(e));
            } finally {
                batch.clear();
            }
        }
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(request -> request.fail(new ClaimStoreException("the service is shutting down", null)));
    }

    /** Waits until the first request has waited {@code gather}, taking what queues meanwhile. */
    private void gather(Request first, List<Request> batch) throws InterruptedException {
        long until = first.enqueuedNanos() + gatherNanos;
        while (batch.size() < MAX_BATCH) {
            long wait = until - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            Request next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    void process(List<Request> batch) {
        List<ReleaseRequest> releases = new ArrayList<>();
        List<ClaimRequest> claims = new ArrayList<>();
        for (Request request : batch) {
            if (request instanceof ReleaseRequest release) {
                releases.add(release);
            } else {
                claims.add((ClaimRequest) request);
            }
        }
        // releases first: a retry queued behind a release then finds the ids free
        if (!releases.isEmpty()) {
            releaseAll(releases);
        }
        if (!claims.isEmpty()) {
            claimAll(claims);
        }
    }

    private void releaseAll(List<ReleaseRequest> releases) {
        List<String> keys = new ArrayList<>();
        List<UUID> tokens = new ArrayList<>();
        for (ReleaseRequest release : releases) {
            for (String key : release.keys()) {
                keys.add(key);
                tokens.add(release.token());
            }
        }
        int released;
        try {
            released = releaseStatement.release(keys, tokens);
        } catch (RuntimeException e) {
            releases.forEach(release -> release.fail(e));
            return;
        }
        // per request only the total is known; callers use it as "released or not"
        releases.forEach(release -> release.result().complete(released));
    }

    private void claimAll(List<ClaimRequest> claims) {
        // each key goes into the statement once, for the first request of the batch that wants it
        Map<String, ClaimRequest> claimer = new LinkedHashMap<>();
        for (ClaimRequest request : claims) {
            for (String key : request.keys()) {
                claimer.putIfAbsent(key, request);
            }
        }
        List<String> keys = new ArrayList<>(claimer.keySet());
        List<UUID> tokens = keys.stream().map(key -> claimer.get(key).token()).toList();
        Instant now = Instant.now();
        Map<String, KeyState> states = new HashMap<>();
        try {
            for (KeyState state : claimStatement.claimAbsent(keys, tokens, now)) {
                states.put(state.key(), state);
            }
            if (!states.keySet().containsAll(keys)) {
                throw new ClaimStoreException("the claim statement did not report every key", null);
            }
        } catch (RuntimeException e) {
            claims.forEach(request -> request.fail(e));
            return;
        }
        for (ClaimRequest request : claims) {
            List<KeyState> result = new ArrayList<>(request.keys().size());
            for (String key : request.keys()) {
                KeyState state = states.get(key);
                if (claimer.get(key) == request) {
                    result.add(state);
                } else if (state.claimed()) {
                    // an earlier request of this batch just claimed it
                    result.add(new KeyState(key, false, now, null));
                } else {
                    result.add(state);
                }
            }
            request.result().complete(result);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    sealed interface Request permits ClaimRequest, ReleaseRequest {

        /** {@link System#nanoTime()} when it was queued. */
        long enqueuedNanos();

        void fail(Throwable failure);
    }

    record ClaimRequest(List<String> keys, UUID token, long enqueuedNanos, CompletableFuture<List<KeyState>> result)
            implements Request {

        @Override
        public void fail(Throwable failure) {
            result.completeExceptionally(failure);
        }
    }

    record ReleaseRequest(List<String> keys, UUID token, long enqueuedNanos, CompletableFuture<Integer> result)
            implements Request {

        @Override
        public void fail(Throwable failure) {
            result.completeExceptionally(failure);
        }
    }
}
