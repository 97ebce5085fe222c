package io.tandem.router.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
public class SettingsResourceTest {

    static final String ADMIN_KEY = "test-admin-key";

    @Test
    void requestWithoutAKeyIsUnauthorizedProblem() {
        given().when().get(settingsPath("app-" + UUID.randomUUID()))
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("type", notNullValue())
                .body("field", equalTo("Authorization"));
    }

    @Test
    void requestWithAnUnknownKeyIsUnauthorized() {
        given().header("Authorization", "Bearer not-a-key")
                .contentType(ContentType.JSON).body("{\"mode\":\"OFF\"}")
                .when().put(settingsPath("app-" + UUID.randomUUID()))
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", ADMIN_KEY)
                .when().get(settingsPath("app-" + UUID.randomUUID()))
                .then().statusCode(401);
    }

    @Test
    void everyConfiguredKeyIsAccepted() {
        given().header("Authorization", "Bearer second-test-key")
                .when().get(settingsPath("app-" + UUID.randomUUID()))
                .then().statusCode(200);
    }

    @Test
    void unconfiguredWorkspaceGetsTheConfiguredDefaults() {
        String appId = "app-" + UUID.randomUUID();

        admin().when().get(settingsPath(appId))
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("appId", equalTo(appId))
                .body("mode", equalTo("REPLY"))
                .body("minConfidence", equalTo(0.2f))
                .body("handoffTeamId", nullValue())
                .body("updatedAt", nullValue());
    }

    @Test
    void putSettingsAreReturnedByGet() {
        String appId = "app-" + UUID.randomUUID();

        admin().contentType(ContentType.JSON)
                .body("{\"mode\":\"SUGGEST\",\"minConfidence\":0.75,\"handoffTeamId\":\"team-7\"}")
                .when().put(settingsPath(appId))
                .then().statusCode(200)
                .body("mode", equalTo("SUGGEST"))
                .body("updatedAt", notNullValue());

        admin().when().get(settingsPath(appId))
                .then().statusCode(200)
                .body("appId", equalTo(appId))
                .body("mode", equalTo("SUGGEST"))
                .body("minConfidence", equalTo(0.75f))
                .body("handoffTeamId", equalTo("team-7"))
                .body("updatedAt", notNullValue());
    }

    @Test
    void putReplacesEarlierSettingsAndOmittedFieldsFallBackToDefaults() {
        String appId = "app-" + UUID.randomUUID();
        admin().contentType(ContentType.JSON)
                .body("{\"mode\":\"SUGGEST\",\"minConfidence\":0.9,\"handoffTeamId\":\"team-7\"}")
                .when().put(settingsPath(appId)).then().statusCode(200);

        admin().contentType(ContentType.JSON).body("{\"mode\":\"off\"}")
                .when().put(settingsPath(appId)).then().statusCode(200);

        admin().when().get(settingsPath(appId))
                .then().statusCode(200)
                .body("mode", equalTo("OFF"))
                .body("minConfidence", equalTo(0.2f))
                .body("handoffTeamId", nullValue());
    }

    @Test
    void unknownModeIsABadRequestNamingTheField() {
        assertInvalid("{\"mode\":\"SHOUT\",\"minConfidence\":0.5}", "mode");
    }

    @Test
    void missingModeIsABadRequestNamingTheField() {
        assertInvalid("{\"minConfidence\":0.5}", "mode");
    }

    @Test
    void confidenceOutsideZeroToOneIsABadRequestNamingTheField() {
        assertInvalid("{\"mode\":\"REPLY\",\"minConfidence\":1.5}", "minConfidence");
        assertInvalid("{\"mode\":\"REPLY\",\"minConfidence\":-0.1}", "minConfidence");
    }

    @Test
    void confidenceThatIsNotANumberIsABadRequestNamingTheField() {
        assertInvalid("{\"mode\":\"REPLY\",\"minConfidence\":\"high\"}", "minConfidence");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        admin().contentType(ContentType.JSON).body("{\"mode\":")
                .when().put(settingsPath("app-" + UUID.randomUUID()))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", notNullValue());
    }

    @Test
    void rejectedPutLeavesTheSettingsUnchanged() {
        String appId = "app-" + UUID.randomUUID();
        admin().contentType(ContentType.JSON).body("{\"mode\":\"SUGGEST\"}")
                .when().put(settingsPath(appId)).then().statusCode(200);

        admin().contentType(ContentType.JSON).body("{\"mode\":\"OFF\",\"minConfidence\":2}")
                .when().put(settingsPath(appId)).then().statusCode(400);

        admin().when().get(settingsPath(appId)).then().body("mode", equalTo("SUGGEST"));
    }

    private static void assertInvalid(String body, String field) {
        admin().contentType(ContentType.JSON).body(body)
                .when().put(settingsPath("app-" + UUID.randomUUID()))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("field", equalTo(field))
                .body("detail", containsString(field));
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY);
    }

    public static String settingsPath(String appId) {
        return "/api/workspaces/" + appId + "/settings";
    }
}
