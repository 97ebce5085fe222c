package io.tandem.classifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tandem.classifier.AdminApi;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class SkillResourceTest {

    static final String SMALL_SKILL = """
            {"name": "Small skill %s",
             "intents": [{"intent": "hello", "examples": [{"text": "hello"}, {"text": "hi there"}]}],
             "dialog_nodes": [{"dialog_node": "hello", "conditions": "#hello", "output": {"text": "Hi!"}}]}
            """;

    private static String newAppId() {
        return "app-" + UUID.randomUUID();
    }

    @Test
    void aPutSkillIsReturnedByGetWithItsVersion() {
        String appId = newAppId();
        String workspace = SMALL_SKILL.formatted("one");
        AdminApi.putSkill(appId, workspace, 1);

        String body = given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill", appId)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("appId", equalTo(appId))
                .body("version", equalTo(1))
                .body("name", equalTo("Small skill one"))
                .body("workspace.intents[0].intent", equalTo("hello"))
                .extract().asString();
        assertThat(body).contains("\"workspace\":" + workspace.strip());
    }

    @Test
    void eachPutAddsAVersionAndTheLatestIsActive() {
        String appId = newAppId();
        AdminApi.putSkill(appId, SMALL_SKILL.formatted("one"), 1);
        AdminApi.putSkill(appId, SMALL_SKILL.formatted("two"), 2);

        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill", appId)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("name", equalTo("Small skill two"));
    }

    @Test
    void aSkillThatCannotBeTrainedIsRejectedWithEveryProblemAndNotStored() {
        String appId = newAppId();
        AdminApi.putSkill(appId, """
                {"name": "broken",
                 "intents": [{"intent": "empty", "examples": []}],
                 "dialog_nodes": [
                   {"dialog_node": "a", "conditions": "#empty = 1"},
                   {"dialog_node": "b", "conditions": "#empty", "previous_sibling": "ghost"}]}
                """)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:tandem:problem:invalid-skill"))
                .body("field", equalTo("intents[0].examples"))
                .body("errors", hasSize(3))
                .body("errors.field", hasItems("intents[0].examples", "dialog_nodes[0].conditions",
                        "dialog_nodes[1].previous_sibling"))
                .body(not(containsString("Exception")));

        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill", appId)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tandem:problem:skill-not-found"));
    }

    @Test
    void aFailedPutLeavesTheActiveVersionInPlace() {
        String appId = newAppId();
        AdminApi.putSkill(appId, SMALL_SKILL.formatted("good"), 1);
        AdminApi.putSkill(appId, "{\"intents\": [{\"intent\": \"x\"}]}").statusCode(400);
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill", appId)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("name", equalTo("Small skill good"));
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        AdminApi.putSkill(newAppId(), "{\"name\": ").statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("workspace"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void requestsWithoutAValidKeyAreUnauthorized() {
        String appId = newAppId();
        given().contentType(ContentType.JSON).body(SMALL_SKILL.formatted("x"))
                .when().put("/api/workspaces/{appId}/skill", appId)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("field", equalTo("Authorization"));
        given().auth().oauth2("wrong-key")
                .when().get("/api/workspaces/{appId}/skill", appId)
                .then().statusCode(401);
        given().header("Authorization", "Basic " + AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill", appId)
                .then().statusCode(401);
    }

    @Test
    void anyConfiguredKeyIsAccepted() {
        given().auth().oauth2("second-test-key")
                .when().get("/api/workspaces/{appId}/skill", newAppId())
                .then().statusCode(404);
    }

    @Test
    void theSeedAppHasTheDemoSkill() {
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill", "seeded-test-app")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("name", equalTo("Fernhill Outfitters online store"))
                .body("workspace.dialog_nodes.dialog_node", hasItems("node_welcome", "node_human_agent"));
    }
}
