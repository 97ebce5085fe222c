package io.tandem.ingest.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.ingest.BodyFormat;
import io.tandem.ingest.Payload;
import io.tandem.ingest.Webhooks;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class IngestConfigTest {

    @Inject
    IngestConfig config;

    @Test
    void anAppsSecretGivenByEnvironmentVariableJoinsTheConfiguredApps() {
        // surefire sets TANDEM_INGEST_APPS_ENVAPP_CLIENT_SECRET, the form a Kubernetes Secret or the launcher uses
        assertThat(System.getenv("TANDEM_INGEST_APPS_ENVAPP_CLIENT_SECRET")).isEqualTo("env-webhook-secret");
        assertThat(config.apps()).containsKey("envapp");
        assertThat(config.apps().get("envapp").clientSecret()).isEqualTo("env-webhook-secret");
        assertThat(config.apps()).containsKeys(Payload.TEST_APP, Payload.OTHER_APP);
    }

    @Test
    void theAdminTandemActsAsIsGivenPerAppByEnvironmentVariable() {
        // surefire sets TANDEM_INGEST_APPS_ENVAPP_BOT_ADMIN_ID, as the launcher does for app local
        assertThat(config.apps().get("envapp").botAdminId()).contains("424242");
        assertThat(config.apps().get(Payload.TEST_APP).botAdminId()).contains("991267");
        assertThat(config.apps().get(Payload.OTHER_APP).botAdminId()).isEmpty();
    }

    @Test
    void bodiesAreReadAsHtmlOnlyWhenTheyHoldMarkupUnlessTheAppSaysOtherwise() {
        assertThat(config.apps().get(Payload.TEST_APP).bodyFormat()).isEqualTo(BodyFormat.AUTO);
        assertThat(config.apps().get(Payload.PLAIN_TEXT_APP).bodyFormat()).isEqualTo(BodyFormat.TEXT);
    }

    @Test
    void webhooksOfAnAppConfiguredByEnvironmentVariableAreVerifiedWithItsSecret() {
        Webhooks.post(Payload.ping().with("appId", "envapp"), "env-webhook-secret").statusCode(200);
        Webhooks.post(Payload.ping().with("appId", "envapp"), Payload.TEST_SECRET).statusCode(401);
    }

    @Test
    void theDefaultsAreUnderASecondToPublishAndAWeekOfMemory() {
        assertThat(config.producer()).containsEntry("delivery.timeout.ms", "600").containsEntry("linger.ms", "5");
        assertThat(config.claimLease().toSeconds()).isEqualTo(30);
        assertThat(config.claimGather().toMillis()).isEqualTo(2);
        assertThat(config.completionGather().toMillis()).isEqualTo(20);
        assertThat(config.retention().toDays()).isEqualTo(7);
    }

    @Test
    void isReadyWithTheConfiguredAppsNamedButNoSecretShown() {
        String health = given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("intercom-apps"))
                .extract().asString();

        assertThat(health).contains("envapp").doesNotContain("secret");
    }
}
