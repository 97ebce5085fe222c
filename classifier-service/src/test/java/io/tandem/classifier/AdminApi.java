package io.tandem.classifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls to the admin API with the key the test profile configures. */
public final class AdminApi {

    public static final String ADMIN_KEY = "test-admin-key";

    private AdminApi() {
    }

    public static ValidatableResponse putSkill(String appId, String workspace) {
        return given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON).body(workspace)
                .when().put("/api/workspaces/{appId}/skill", appId)
                .then();
    }

    /** PUTs a skill that must be accepted as {@code expectedVersion}. */
    public static void putSkill(String appId, String workspace, int expectedVersion) {
        putSkill(appId, workspace).statusCode(201)
                .header("Location", endsWith("/api/workspaces/" + appId + "/skill"))
                .body("appId", equalTo(appId))
                .body("version", equalTo(expectedVersion))
                .body("active", equalTo(true));
    }
}
