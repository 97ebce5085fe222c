package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.ingest.persistence.DeliveryClaim;
import io.tandem.ingest.persistence.DeliveryClaimRepository;
import io.tandem.ingest.service.DeliveryClaims.Claim;
import io.tandem.ingest.service.DeliveryClaims.Status;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class DeliveryClaimsTest {

    @Inject
    DeliveryClaims claims;

    @Inject
    DeliveryClaimRepository repository;

    @Inject
    ClaimRetention retention;

    @Test
    void aClaimInProgressMakesAnotherDeliveryWaitAndAReleasedClaimCanBeTakenAgain() {
        String notification = uniqueKey("notification");
        String part = uniqueKey("part");

        Claim first = claims.claim(notification, List.of(part));
        Claim concurrent = claims.claim(notification, List.of(part));
        claims.release(first);
        Claim retry = claims.claim(notification, List.of(part));

        assertThat(first.status()).isEqualTo(Status.CLAIMED);
        assertThat(first.keys()).containsExactlyInAnyOrder(notification, part);
        assertThat(concurrent.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(retry.status()).isEqualTo(Status.CLAIMED);
    }

    @Test
    void aCompletedClaimMakesLaterDeliveriesDuplicates() {
        String notification = uniqueKey("notification");

        claims.complete(claims.claim(notification, List.of()));

        assertThat(claims.claim(notification, List.of()).status()).isEqualTo(Status.DUPLICATE);
    }

    @Test
    void aNotificationWhosePartIsInProgressElsewhereWaitsAndKeepsNothingClaimed() {
        String part = uniqueKey("part");
        claims.claim(uniqueKey("notification"), List.of(part));
        String second = uniqueKey("notification");

        Claim claim = claims.claim(second, List.of(part));

        assertThat(claim.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(QuarkusTransaction.requiringNew().call(() -> repository.findById(second))).isNull();
    }

    @Test
    void aPublishedPartIsLeftOutOfANewNotificationsClaim() {
        String part = uniqueKey("part");
        claims.complete(claims.claim(uniqueKey("notification"), List.of(part)));
        String second = uniqueKey("notification");

        Claim claim = claims.claim(second, List.of(part));

        assertThat(claim.status()).isEqualTo(Status.CLAIMED);
        assertThat(claim.holds(second)).isTrue();
        assertThat(claim.holds(part)).isFalse();
    }

    @Test
    void aDuplicateNotificationKeepsNoneOfTheKeysItBroughtAlong() {
        String notification = uniqueKey("notification");
        claims.complete(claims.claim(notification, List.of()));
        String newPart = uniqueKey("part");

        assertThat(claims.claim(notification, List.of(newPart)).status()).isEqualTo(Status.DUPLICATE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> repository.findById(newPart))).isNull();
    }

    @Test
    void anAbandonedClaimIsTakenOverOnceItsLeaseRanOut() {
        String notification = uniqueKey("notification");
        insert(notification, Instant.now().minus(Duration.ofMinutes(5)), null);

        assertThat(claims.claim(notification, List.of()).status()).isEqualTo(Status.CLAIMED);
    }

    @Test
    void releasingOnlyEverReleasesTheReleasersOwnClaim() {
        String notification = uniqueKey("notification");
        insert(notification, Instant.now().minus(Duration.ofMinutes(5)), null);
        Claim stale = new Claim(UUID.randomUUID(), Status.CLAIMED, List.of(notification));
        Claim current = claims.claim(notification, List.of());

        claims.release(stale);

        assertThat(current.status()).isEqualTo(Status.CLAIMED);
        assertThat(claims.claim(notification, List.of()).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void thePurgeForgetsClaimsOlderThanTheRetentionOnly() {
        String old = uniqueKey("notification");
        String recent = uniqueKey("notification");
        insert(old, Instant.now().minus(Duration.ofDays(8)), Instant.now().minus(Duration.ofDays(8)));
        insert(recent, Instant.now().minus(Duration.ofDays(6)), Instant.now().minus(Duration.ofDays(6)));

        retention.purge();

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(repository.findById(old)).isNull();
            assertThat(repository.findById(recent)).isNotNull();
        });
    }

    private void insert(String key, Instant claimedAt, Instant publishedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            DeliveryClaim claim = new DeliveryClaim();
            claim.claimKey = key;
            claim.claimToken = UUID.randomUUID();
            claim.claimedAt = claimedAt;
            claim.publishedAt = publishedAt;
            repository.persist(claim);
        });
    }

    private static String uniqueKey(String kind) {
        return kind + ":test:" + UUID.randomUUID();
    }
}
