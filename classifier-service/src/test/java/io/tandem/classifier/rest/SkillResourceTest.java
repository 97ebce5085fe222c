package io.tandem.classifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
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
                   {"dialog_node": "b", "conditions": "#empty", "previous_sibling": "ghost"},
                   {"dialog_node": "c", "conditions": "true", "parent": "nowhere"},
                   {"dialog_node": "a", "conditions": "true"},
                   {"dialog_node": "d", "conditions": "true", "parent": "e"},
                   {"dialog_node": "e", "conditions": "true", "parent": "d"},
                   {"dialog_node": "f", "conditions": "true", "previous_sibling": "a",
                    "next_step": {"behavior": "jump_to", "selector": "body", "dialog_node": "missing"}}]}
                """)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:tandem:problem:invalid-skill"))
                .body("field", equalTo("intents[0].examples"))
                .body("errors.field", hasItems("intents[0].examples", "dialog_nodes[0].conditions",
                        "dialog_nodes[1].previous_sibling", "dialog_nodes[2].parent", "dialog_nodes[3].dialog_node",
                        "dialog_nodes[4].parent", "dialog_nodes[5].parent", "dialog_nodes[6].next_step.dialog_node"))
                .body("errors.detail", hasItem(startsWith("node 'a': cannot parse '#empty = 1' at position 7")))
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
    void versionsAreListedAndAnOlderOneCanBeMadeActiveAgain() {
        String appId = newAppId();
        AdminApi.putSkill(appId, SMALL_SKILL.formatted("one"), 1);
        AdminApi.putSkill(appId, SMALL_SKILL.formatted("two"), 2);

        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill/versions", appId)
                .then().statusCode(200)
                .body("version", contains(1, 2))
                .body("name", contains("Small skill one", "Small skill two"))
                .body("active", contains(false, true));

        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().post("/api/workspaces/{appId}/skill/versions/{version}/activate", appId, 1)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("active", equalTo(true));
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill", appId)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("name", equalTo("Small skill one"));
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill/versions", appId)
                .then().body("active", contains(true, false));
        AdminApi.putSkill(appId, SMALL_SKILL.formatted("three"), 3);
    }

    @Test
    void activatingAVersionThatDoesNotExistIsNotFound() {
        String appId = newAppId();
        AdminApi.putSkill(appId, SMALL_SKILL.formatted("one"), 1);
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().post("/api/workspaces/{appId}/skill/versions/{version}/activate", appId, 7)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("field", equalTo("version"));
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill/versions", newAppId())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theRootNodesAreListedWithFoldersLookedThrough() {
        String appId = newAppId();
        AdminApi.putSkill(appId, """
                {"name": "nodes",
                 "intents": [{"intent": "order", "examples": [{"text": "where is my order"}]}],
                 "dialog_nodes": [
                   {"dialog_node": "welcome", "conditions": "welcome", "output": {"text": "Hi"}},
                   {"dialog_node": "orders", "type": "folder", "title": "Orders", "previous_sibling": "welcome"},
                   {"dialog_node": "node_1", "parent": "orders", "title": "Order status",
                    "user_label": "Track an order", "conditions": "#order", "output": {"text": "Number?"}},
                   {"dialog_node": "node_1_child", "parent": "node_1", "conditions": "true",
                    "next_step": {"behavior": "jump_to", "selector": "body", "dialog_node": "human"}},
                   {"dialog_node": "human", "title": "Human", "conditions": "false", "previous_sibling": "orders",
                    "output": {"generic": [{"response_type": "connect_to_agent"}]}}]}
                """, 1);
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill/nodes", appId)
                .then().statusCode(200)
                .body("id", contains("welcome", "node_1", "human"))
                .body("[0].title", nullValue())
                .body("[0].user_label", nullValue())
                .body("[0].has_children", equalTo(false))
                .body("[0].connect_to_agent", equalTo(false))
                .body("[1].title", equalTo("Order status"))
                .body("[1].user_label", equalTo("Track an order"))
                .body("[1].has_children", equalTo(true))
                .body("[1].connect_to_agent", equalTo(true))
                .body("[2].connect_to_agent", equalTo(true));
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .when().get("/api/workspaces/{appId}/skill/nodes", newAppId())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tandem:problem:skill-not-found"));
    }

    @Test
    void tryItOutAnswersLikeWatsonsMessageApiAndContinuesWithTheReturnedContext() {
        String appId = newAppId();
        AdminApi.putSkill(appId, """
                {"name": "try",
                 "intents": [{"intent": "order", "examples": [{"text": "where is my order"}]}],
                 "entities": [{"entity": "product", "values": [{"value": "shoes", "synonyms": ["trainers"]}]}],
                 "dialog_nodes": [
                   {"dialog_node": "order", "conditions": "#order", "output": {"text": "Which order number?"}},
                   {"dialog_node": "number", "parent": "order", "conditions": "input.text.isNumber()",
                    "context": {"order": "<? input.text ?>"}, "output": {"text": "Order $order is on its way."}},
                   {"dialog_node": "other", "previous_sibling": "order", "conditions": "anything_else",
                    "output": {"text": "Sorry?"}}]}
                """, 1);
        ExtractableResponse<Response> first = given().auth().oauth2(AdminApi.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"input\": {\"text\": \"where is my order for the trainers\"}}")
                .when().post("/api/workspaces/{appId}/message", appId)
                .then().statusCode(200)
                .body("intents[0].intent", equalTo("order"))
                .body("entities[0].entity", equalTo("product"))
                .body("entities[0].value", equalTo("shoes"))
                .body("entities[0].location", contains(26, 34))
                .body("output.generic[0].response_type", equalTo("text"))
                .body("output.generic[0].text", equalTo("Which order number?"))
                .body("output.text", contains("Which order number?"))
                .body("output.nodes_visited", contains("order"))
                .body("context.system.dialog_turn_counter", equalTo(1))
                .extract();
        Map<String, Object> context = first.path("context");

        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("input", Map.of("text", "104823"), "context", context))
                .when().post("/api/workspaces/{appId}/message", appId)
                .then().statusCode(200)
                .body("output.text", contains("Order 104823 is on its way."))
                .body("output.nodes_visited", contains("number"))
                .body("context.order", equalTo("104823"));

        // the same message without the context starts over: no conversation state was kept
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"input\": {\"text\": \"104823\"}}")
                .when().post("/api/workspaces/{appId}/message", appId)
                .then().statusCode(200)
                .body("output.text", contains("Sorry?"));
    }

    @Test
    void tryItOutNamesTheFieldThatIsWrong() {
        String appId = newAppId();
        AdminApi.putSkill(appId, SMALL_SKILL.formatted("x"), 1);
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"input\": {\"text\": 42}}")
                .when().post("/api/workspaces/{appId}/message", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("input.text"));
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"input\": {\"text\": \"hi\"}, \"context\": []}")
                .when().post("/api/workspaces/{appId}/message", appId)
                .then().statusCode(400)
                .body("field", equalTo("context"));
        given().auth().oauth2(AdminApi.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"input\": {\"text\": \"hi\"}}")
                .when().post("/api/workspaces/{appId}/message", newAppId())
                .then().statusCode(404)
                .body("type", equalTo("urn:tandem:problem:skill-not-found"));
    }

    @Test
    void aWorkspaceKeyOpensItsOwnWorkspaceOnly() {
        AdminApi.putSkill("workspace-a", SMALL_SKILL.formatted("a"));
        given().auth().oauth2("workspace-a-key")
                .when().get("/api/workspaces/{appId}/skill/versions", "workspace-a")
                .then().statusCode(200);
        given().auth().oauth2("workspace-a-key")
                .when().get("/api/workspaces/{appId}/skill", "seeded-test-app")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("field", equalTo("Authorization"));
        given().auth().oauth2("workspace-a-key").contentType(ContentType.JSON).body(SMALL_SKILL.formatted("b"))
                .when().put("/api/workspaces/{appId}/skill", newAppId())
                .then().statusCode(403);
        given()
                .when().get("/api/workspaces/{appId}/skill/nodes", "workspace-a")
                .then().statusCode(401)
                .contentType("application/problem+json");
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
