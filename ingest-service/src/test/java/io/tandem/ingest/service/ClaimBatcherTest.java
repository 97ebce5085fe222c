package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tandem.ingest.persistence.ClaimStoreException;
import io.tandem.ingest.persistence.DeliveryClaimRepository.KeyState;

/** The batcher on its own, with the statements staged: what many concurrent deliveries share, and how they fail. */
class ClaimBatcherTest {

    private final List<List<String>> statements = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, UUID> table = new ConcurrentHashMap<>();
    private final CountDownLatch firstStatementMayEnd = new CountDownLatch(1);
    private ClaimBatcher batcher;

    @AfterEach
    void stop() {
        firstStatementMayEnd.countDown();
        if (batcher != null) {
            batcher.stop();
        }
    }

    @Test
    void deliveriesArrivingWhileAStatementRunsShareTheNextStatement() throws Exception {
        batcher = new ClaimBatcher(this::claimHeldUpOnce, this::release);
        CompletableFuture<List<KeyState>> first = batcher.claim(List.of("notification:a:1"), UUID.randomUUID());
        awaitStatements(1);
        List<CompletableFuture<List<KeyState>>> waiting = new ArrayList<>();
        for (int i = 2; i <= 50; i++) {
            waiting.add(batcher.claim(List.of("notification:a:" + i, "part:c:" + i), UUID.randomUUID()));
        }

        firstStatementMayEnd.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).singleElement().satisfies(state -> assertThat(state.claimed()).isTrue());
        for (CompletableFuture<List<KeyState>> claim : waiting) {
            assertThat(claim.get(5, TimeUnit.SECONDS)).hasSize(2).allSatisfy(state -> assertThat(state.claimed()).isTrue());
        }
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1)).hasSize(98);
    }

    @Test
    void aKeyWantedTwiceInOneBatchGoesToTheFirstAndIsInProgressForTheOther() throws Exception {
        batcher = new ClaimBatcher(this::claimHeldUpOnce, this::release);
        batcher.claim(List.of("notification:a:0"), UUID.randomUUID());
        awaitStatements(1);
        CompletableFuture<List<KeyState>> first = batcher.claim(List.of("notification:a:1", "part:c:9"),
                UUID.randomUUID());
        CompletableFuture<List<KeyState>> second = batcher.claim(List.of("notification:a:2", "part:c:9"),
                UUID.randomUUID());

        firstStatementMayEnd.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).allSatisfy(state -> assertThat(state.claimed()).isTrue());
        List<KeyState> other = second.get(5, TimeUnit.SECONDS);
        assertThat(other.get(0).claimed()).isTrue();
        assertThat(other.get(1).key()).isEqualTo("part:c:9");
        assertThat(other.get(1).claimed()).isFalse();
        assertThat(other.get(1).claimedAt()).isNotNull();
        assertThat(other.get(1).publishedAt()).isNull();
        assertThat(statements.get(1)).containsOnlyOnce("part:c:9");
    }

    @Test
    void aFailedStatementFailsEveryDeliveryItServedAndTheNextBatchWorksAgain() throws Exception {
        boolean[] fail = {true};
        batcher = new ClaimBatcher((keys, tokens, now) -> {
            statements.add(List.copyOf(keys));
            if (statements.size() == 1) {
                awaitQuietly(firstStatementMayEnd);
            }
            if (fail[0]) {
                throw new ClaimStoreException("connection refused", null);
            }
            return claim(keys, tokens, now);
        }, this::release);
        CompletableFuture<List<KeyState>> first = batcher.claim(List.of("notification:a:1"), UUID.randomUUID());
        awaitStatements(1);
        List<CompletableFuture<List<KeyState>>> waiting = new ArrayList<>();
        for (int i = 2; i <= 10; i++) {
            waiting.add(batcher.claim(List.of("notification:a:" + i), UUID.randomUUID()));
        }
        firstStatementMayEnd.countDown();

        assertThatThrownBy(() -> first.join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ClaimStoreException.class);
        for (CompletableFuture<List<KeyState>> claim : waiting) {
            assertThatThrownBy(claim::join).hasCauseInstanceOf(ClaimStoreException.class);
        }
        assertThat(table).isEmpty();

        fail[0] = false;
        assertThat(batcher.claim(List.of("notification:a:11"), UUID.randomUUID()).get(5, TimeUnit.SECONDS))
                .singleElement().satisfies(state -> assertThat(state.claimed()).isTrue());
    }

    @Test
    void aClaimWaitsUpToTheGatherTimeForOthersToShareItsStatement() throws Exception {
        batcher = new ClaimBatcher(this::recordedClaim, this::release, Duration.ofSeconds(1));
        CompletableFuture<List<KeyState>> first = batcher.claim(List.of("notification:a:1"), UUID.randomUUID());
        Thread.sleep(20);
        CompletableFuture<List<KeyState>> second = batcher.claim(List.of("notification:a:2"), UUID.randomUUID());

        assertThat(first.get(5, TimeUnit.SECONDS)).singleElement().satisfies(state -> assertThat(state.claimed()).isTrue());
        assertThat(second.get(5, TimeUnit.SECONDS)).singleElement().satisfies(state -> assertThat(state.claimed()).isTrue());
        assertThat(statements).containsExactly(List.of("notification:a:1", "notification:a:2"));
    }

    @Test
    void aClaimAloneRunsOnceTheGatherTimeIsOver() throws Exception {
        batcher = new ClaimBatcher(this::recordedClaim, this::release, Duration.ofMillis(300));
        long queued = System.nanoTime();

        batcher.claim(List.of("notification:a:1"), UUID.randomUUID()).get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - queued)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(statements).containsExactly(List.of("notification:a:1"));
    }

    @Test
    void releasesShareAStatementAndOnlyDeleteTheReleasersOwnKeys() throws Exception {
        batcher = new ClaimBatcher(this::claim, this::release);
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        batcher.claim(List.of("notification:a:1", "part:c:1"), mine).get(5, TimeUnit.SECONDS);
        batcher.claim(List.of("notification:a:2"), theirs).get(5, TimeUnit.SECONDS);

        batcher.release(List.of("notification:a:1", "part:c:1", "notification:a:2"), mine).get(5, TimeUnit.SECONDS);

        assertThat(table).containsOnlyKeys("notification:a:2");
    }

    @Test
    void aFailedReleaseFailsItsRequestAndLeavesTheClaimsToTheirLease() {
        batcher = new ClaimBatcher(this::claim, (keys, tokens) -> {
            throw new ClaimStoreException("connection refused", null);
        });

        assertThatThrownBy(() -> batcher.release(List.of("notification:a:1"), UUID.randomUUID()).join())
                .hasCauseInstanceOf(ClaimStoreException.class);
    }

    @Test
    void afterStoppingNothingWaitsForever() {
        batcher = new ClaimBatcher(this::claim, this::release);
        batcher.stop();

        assertThatThrownBy(() -> batcher.claim(List.of("notification:a:1"), UUID.randomUUID())
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ClaimStoreException.class);
    }

    private List<KeyState> claimHeldUpOnce(List<String> keys, List<UUID> tokens, Instant now) {
        statements.add(List.copyOf(keys));
        if (statements.size() == 1) {
            awaitQuietly(firstStatementMayEnd);
        }
        return claim(keys, tokens, now);
    }

    private List<KeyState> recordedClaim(List<String> keys, List<UUID> tokens, Instant now) {
        statements.add(List.copyOf(keys));
        return claim(keys, tokens, now);
    }

    /** Insert-if-absent, as the real statement does. */
    private List<KeyState> claim(List<String> keys, List<UUID> tokens, Instant now) {
        List<KeyState> states = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean inserted = table.putIfAbsent(keys.get(i), tokens.get(i)) == null;
            states.add(new KeyState(keys.get(i), inserted, inserted ? null : now, null));
        }
        return states;
    }

    private int release(List<String> keys, List<UUID> tokens) {
        int released = 0;
        for (int i = 0; i < keys.size(); i++) {
            released += table.remove(keys.get(i), tokens.get(i)) ? 1 : 0;
        }
        return released;
    }

    private void awaitStatements(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (statements.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(statements).hasSizeGreaterThanOrEqualTo(count);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
