package io.tandem.responder.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class IntercomAppsReadinessCheckTest {

    @Test
    void readyWithTheConfiguredAppsNamedButNotTheirTokens() {
        String health = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("intercom-apps"))
                .body("checks.find { it.name == 'intercom-apps' }.data.apps", equalTo("local"))
                .extract().asString();

        assertThat(health).doesNotContain(System.getProperty("test.intercom.access-token"));
    }
}
