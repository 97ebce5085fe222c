package io.tandem.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.tandem.ingest.Payload;
import io.tandem.ingest.Webhooks;
import io.tandem.ingest.persistence.DeliveryClaimRepository;
import io.tandem.ingest.service.DeliveryClaims;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@TestProfile(KafkaUnavailableTest.UnreachableKafka.class)
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class KafkaUnavailableTest {

    @Inject
    DeliveryClaimRepository claims;

    @Test
    void answers503WithinASecondAndReleasesTheClaimSoARetryCanSucceed() {
        // the first request of a fresh application warms up the database path; it is not what is timed here
        Webhooks.post(Payload.userCreated()).statusCode(503);
        Payload payload = Payload.userCreated();
        long start = System.nanoTime();

        ValidatableResponse response = Webhooks.post(payload);

        // timed up to the answer, not the client's reading of it (RestAssured's first body parse takes seconds)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        response.statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "60")
                .body("status", equalTo(503));
        String key = DeliveryClaims.notificationKey(Payload.TEST_APP, payload.value("notificationId"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> claims.findById(key))).isNull();
    }

    @Test
    void stillAnswersPingWithoutKafka() {
        Webhooks.post(Payload.ping()).statusCode(200);
    }

    /** The producer points at a port where no broker listens. */
    public static class UnreachableKafka implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tandem.ingest.producer.bootstrap.servers", "localhost:1");
        }
    }
}
